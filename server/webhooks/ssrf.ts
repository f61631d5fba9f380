// Webhook URLs point at servers Callboard will call, so they must not reach into the operator's own
// network: loopback, private, link-local, carrier-grade NAT, cloud metadata and other special
// addresses are refused, at registration and again at every send (the socket connects only to an
// address checked here, so a DNS answer cannot change between the check and the connection).
// Agent actions (server/actions) call their URLs under the same rule; `kind` only changes the wording.
// WEBHOOK_ALLOW_PRIVATE_URLS=true lifts the address rule for local development and tests.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";

// Most specific first: the first matching range names the reason.
const RANGES: [reason: string, cidr: string][] = [
  ["a cloud metadata", "169.254.169.254/32"],
  ["a cloud metadata", "168.63.129.16/32"], // Azure's wire server
  ["a cloud metadata", "100.100.100.200/32"], // Alibaba Cloud
  ["a cloud metadata", "192.0.0.192/32"], // Oracle Cloud
  ["a cloud metadata", "fd00:ec2::254/128"], // AWS over IPv6
  ["an unspecified", "0.0.0.0/8"],
  ["an unspecified", "::/128"],
  ["a loopback", "127.0.0.0/8"],
  ["a loopback", "::1/128"],
  ["a private", "10.0.0.0/8"],
  ["a private", "172.16.0.0/12"],
  ["a private", "192.168.0.0/16"],
  ["a private", "fc00::/7"],
  ["a carrier-grade NAT", "100.64.0.0/10"],
  ["a link-local", "169.254.0.0/16"],
  ["a link-local", "fe80::/10"],
  ["a site-local", "fec0::/10"],
  ["a multicast", "224.0.0.0/4"],
  ["a multicast", "ff00::/8"],
  ["a reserved", "192.0.0.0/24"],
  ["a reserved", "198.18.0.0/15"],
  ["a reserved", "240.0.0.0/4"], // includes 255.255.255.255
  ["a reserved", "::/96"], // IPv4-compatible (deprecated)
  ["a reserved", "100::/64"], // discard-only
  ["a documentation", "192.0.2.0/24"],
  ["a documentation", "198.51.100.0/24"],
  ["a documentation", "203.0.113.0/24"],
  ["a documentation", "2001:db8::/32"],
];

const lists = new Map<string, BlockList>();
for (const [reason, cidr] of RANGES) {
  const [net, bits] = cidr.split("/");
  const list = lists.get(reason) ?? new BlockList();
  list.addSubnet(net, Number(bits), isIP(net) === 6 ? "ipv6" : "ipv4");
  lists.set(reason, list);
}

/** The 16 bytes of an IPv6 address (`::`, an IPv4 tail and a zone id allowed). */
function ipv6Bytes(address: string): number[] {
  let text = address.split("%")[0].toLowerCase();
  // An IPv4 tail is what follows the last colon (string search: an unanchored regex backtracks).
  const v4 = text.slice(text.lastIndexOf(":") + 1);
  if (v4.includes(".")) {
    const [a, b, c, d] = v4.split(".").map(Number);
    text = `${text.slice(0, -v4.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.flatMap((g) => {
    const n = Number.parseInt(g || "0", 16);
    return [n >> 8, n & 0xff];
  });
}

/** An IPv4 address carried inside an IPv6 one by NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  const word = (i: number) => (b[i] << 8) | b[i + 1];
  if (word(0) === 0x64 && word(2) === 0xff9b && b.slice(4, 12).every((x) => x === 0)) return b.slice(12, 16).join(".");
  if (word(0) === 0x2002) return b.slice(2, 6).join(".");
  return null;
}

/**
 * Why an IP address must not be called ("a loopback", "a private"…), or null for a public address.
 * IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are judged as the IPv4 address they carry.
 */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0];
  const family = isIP(bare);
  if (family === 0) return "an invalid";
  const type = family === 6 ? "ipv6" : "ipv4";
  for (const [reason, list] of lists) if (list.check(bare, type)) return reason;
  if (family === 6) {
    const inner = embeddedIpv4(bare);
    if (inner) return forbiddenAddressReason(inner);
  }
  return null;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/** What calls the URL, so a refusal names the thing the user is editing. */
export type OutboundKind = "webhook" | "action" | "knowledge";
const LABELS: Record<OutboundKind, { url: string; callers: string }> = {
  webhook: { url: "The webhook URL", callers: "Webhooks" },
  action: { url: "The action URL", callers: "Actions" },
  knowledge: { url: "The source URL", callers: "Knowledge sources" },
};

function refusal(host: string, address: string, reason: string, kind: OutboundKind) {
  const shown = host === address ? address : `${host} (${address})`;
  const { url, callers } = LABELS[kind];
  return `${url}'s host ${shown} is ${reason} address. ${callers} may only call public addresses.`;
}

/**
 * Checks a webhook (or action) URL before it is stored: http(s) only, and (unless private URLs are
 * allowed) a host whose every address is public. Returns why it is refused, or null.
 */
export async function webhookUrlProblem(raw: string, kind: OutboundKind = "webhook"): Promise<string | null> {
  const label = LABELS[kind].url;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${label} is not a valid URL.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `${label} must use http or https.`;
  if (env.WEBHOOK_ALLOW_PRIVATE_URLS) return null;
  const host = hostOf(url);
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host);
    return reason ? refusal(host, host, reason, kind) : null;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise((resolve, reject) =>
      dnsLookup(host, { all: true }, (err, list) => (err ? reject(err) : resolve(list))),
    );
  } catch {
    return `${label}'s host ${host} could not be resolved.`;
  }
  for (const { address } of addresses) {
    const reason = forbiddenAddressReason(address);
    if (reason) return refusal(host, address, reason, kind);
  }
  return null;
}

/** The same address rule for an IP literal in a URL at send time (literals never reach `lookup`). */
export function literalAddressProblem(url: URL, kind: OutboundKind = "webhook"): string | null {
  const host = hostOf(url);
  if (env.WEBHOOK_ALLOW_PRIVATE_URLS || !isIP(host)) return null;
  const reason = forbiddenAddressReason(host);
  return reason ? refusal(host, host, reason, kind) : null;
}

/**
 * A drop-in `lookup` for http.request: resolves the name, refuses it if any address is forbidden,
 * and hands the socket only the checked addresses.
 */
export function guardedLookupFor(kind: OutboundKind): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!env.WEBHOOK_ALLOW_PRIVATE_URLS) {
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address);
          if (reason) {
            return callback(Object.assign(new Error(refusal(hostname, address, reason, kind)), { code: "EFORBIDDEN" }), []);
          }
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}
