// A webhook receiver on loopback (node:http), as an integrator would run one: it records every request
// with the Standard Webhooks headers and answers the status `respond` picks. Used by the API tests and
// the webhooks e2e spec.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = {
  headers: Record<string, string>;
  body: string;
  /** Payloads are read field by field in assertions, so they are typed loosely on purpose. */
  json: { type: string; timestamp: string; data: any };
  /** The status this receiver answered. */
  status: number;
};

/** `respond` sees the request, its 1-based number, and the requests before it. */
export type Responder = (r: Omit<ReceivedWebhook, "status">, n: number, earlier: ReceivedWebhook[]) => number;

const HEADERS = ["webhook-id", "webhook-timestamp", "webhook-signature", "content-type"];

export async function startWebhookReceiver(respond: Responder = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const headers = Object.fromEntries(HEADERS.map((h) => [h, String(req.headers[h] ?? "")]));
      const request = { headers, body, json: JSON.parse(body) };
      const status = respond(request, received.length + 1, [...received]);
      received.push({ ...request, status });
      res.statusCode = status;
      res.end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}/hooks`, received, close };
}
