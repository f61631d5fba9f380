// URL sources against a loopback server (private addresses allowed here, as in development): redirects
// are followed a bounded number of times, and the size and status are checked.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: Server;
let root: string;
let fetchSource: typeof import("./fetch").fetchSource;

beforeAll(async () => {
  // lib/env reads the environment once, at first import.
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  fetchSource = (await import("./fetch")).fetchSource;
  server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/page") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<h1>Returns</h1><p>Within 30 days.</p>");
    } else if (url.startsWith("/hop/")) {
      const n = Number(url.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/page" });
      res.end();
    } else if (url === "/big") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("x".repeat(5000));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
  await new Promise((resolve) => server.close(resolve));
});

describe("fetchSource", () => {
  it("fetches a page with its content type, following redirects", async () => {
    const got = await fetchSource(`${root}/hop/1`, 10_000);
    expect(got.contentType).toBe("text/html; charset=utf-8");
    expect(got.bytes.toString()).toContain("Within 30 days.");
    expect(got.finalUrl).toBe(`${root}/page`);
  });

  it("refuses too many redirects, a page over the size limit and an error status", async () => {
    await expect(fetchSource(`${root}/hop/5`, 10_000)).rejects.toThrow(/redirected more than 3 times/);
    await expect(fetchSource(`${root}/big`, 1000)).rejects.toThrow(/limit/);
    await expect(fetchSource(`${root}/missing`, 1000)).rejects.toThrow(/HTTP 404/);
  });
});
