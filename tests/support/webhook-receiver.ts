// A webhook receiver on loopback (node:http), as an integrator would run one: it records every request
// with the Standard Webhooks headers and answers the status `respond` picks. Used by the API tests and
// the webhooks e2e spec. A black hole accepts connections and never answers, like a hung integrator.
import { createServer } from "node:http";
import { type AddressInfo, createServer as createTcpServer, type Socket } from "node:net";

export type ReceivedWebhook = {
  headers: Record<string, string>;
  body: string;
  /** Payloads are read field by field in assertions, so they are typed loosely on purpose. */
  json: { type: string; timestamp: string; data: any };
  /** The status this receiver answered. */
  status: number;
  /** Date.now() when the whole request had arrived. */
  receivedAt: number;
};

/** A request as the responder sees it, before it is answered. */
export type IncomingWebhook = Omit<ReceivedWebhook, "status" | "receivedAt">;
/** `respond` sees the request, its 1-based number, and the requests before it. */
export type Responder = (r: IncomingWebhook, n: number, earlier: ReceivedWebhook[]) => number;

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
      received.push({ ...request, status, receivedAt: Date.now() });
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

/** Accepts TCP connections and never answers; counts how many it holds open at once. */
export async function startBlackHole() {
  const open = new Set<Socket>();
  let connections = 0;
  let maxOpen = 0;
  const server = createTcpServer((socket) => {
    connections++;
    open.add(socket);
    maxOpen = Math.max(maxOpen, open.size);
    socket.on("error", () => {});
    socket.on("close", () => open.delete(socket));
    // Read and drop the request: a socket nobody reads never sees the client's FIN, nor closes.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    get connections() {
      return connections;
    },
    get maxOpen() {
      return maxOpen;
    },
    close,
  };
}
