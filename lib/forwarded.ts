// Who sent a request, and whether it arrived over https.
//
// A route handler cannot see the socket. What it sees is X-Forwarded-For and X-Forwarded-Proto, which
// `next start` fills in from the socket (peer address; TLS or not), but only when they are missing
// (`??=` in Next's base server): a client that sends its own would be believed. So proxy.ts removes
// them from every request unless TRUST_PROXY is set (forwardingHeadersFor), and Next then writes the
// socket's values. By the time a handler runs, the headers hold either the socket's view or the
// trusted proxy's.
import { isIPv4, isIPv6 } from "node:net";

const FORWARDING = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"];

/** The request headers to pass on: client-chosen forwarding headers dropped unless a trusted proxy set them. */
export function forwardingHeadersFor(headers: Headers, trustProxy: boolean): Headers {
  const out = new Headers(headers);
  if (!trustProxy) for (const name of FORWARDING) out.delete(name);
  return out;
}

const lastEntry = (value: string | null) => (value ?? "").split(",").at(-1)?.trim() ?? "";

/**
 * The client's address, as a throttling key: the last X-Forwarded-For entry (the one the nearest hop
 * added, so anything a client prepends is ignored). IPv4-mapped IPv6 counts as IPv4, and other IPv6
 * addresses count by their /64, since one subscriber usually holds a whole /64.
 */
export function clientAddress(headers: Headers): string {
  let entry = lastEntry(headers.get("x-forwarded-for"));
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) entry = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(entry)) entry = entry.slice(0, entry.indexOf(":"));
  // An IPv6 zone ("fe80::1%eth0") says nothing about the client; indexOf, not /%.*$/, which backtracks quadratically.
  const zone = entry.indexOf("%");
  entry = (zone === -1 ? entry : entry.slice(0, zone)).toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(entry);
  if (mapped) entry = mapped[1];
  if (isIPv4(entry)) return entry;
  if (isIPv6(entry)) return `${ipv6Groups(entry).slice(0, 4).join(":")}::/64`;
  return "unknown";
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("::" expanded). */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split("::");
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  let groups = [...part(head)];
  let rest = part(tail);
  // A trailing dotted IPv4 (::1.2.3.4) is two groups.
  const last = (tail === undefined ? groups : rest).at(-1) ?? "";
  if (last.includes(".")) {
    const [a, b, c, d] = last.split(".").map(Number);
    const v4 = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    if (tail === undefined) groups = [...groups.slice(0, -1), ...v4];
    else rest = [...rest.slice(0, -1), ...v4];
  }
  if (tail !== undefined) groups = [...groups, ...Array(8 - groups.length - rest.length).fill("0"), ...rest];
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}

/** True when the request reached Callboard (or the trusted proxy) over https. */
export function arrivedOverHttps(headers: Headers): boolean {
  return lastEntry(headers.get("x-forwarded-proto")).toLowerCase() === "https";
}
