// One HTTP/1.1 request written byte for byte on a socket, for inputs that fetch() refuses to send
// (malformed percent-encoding, odd header values). Reads only the status line and headers, so a
// Server-Sent Events answer does not keep the test waiting.
import { connect } from "node:net";

export type RawAnswer = { status: number; head: string };

export function rawRequest(
  baseUrl: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body = "",
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${hostname}:${port}`, "Connection: close"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body || method === "POST" || method === "PUT") lines.push(`Content-Length: ${Buffer.byteLength(body, "latin1")}`);
  const request = `${lines.join("\r\n")}\r\n\r\n${body}`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 20 s to ${method} ${target}`));
    }, 20_000);
    socket.setEncoding("latin1");
    socket.on("connect", () => socket.write(request, "latin1"));
    socket.on("data", (chunk: string) => {
      received += chunk;
      const end = received.indexOf("\r\n\r\n");
      if (end === -1) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(received.slice(9, 12)), head: received.slice(0, end) });
    });
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      if (!received.includes("\r\n\r\n")) reject(new Error(`connection closed without an answer to ${method} ${target}`));
    });
  });
}
