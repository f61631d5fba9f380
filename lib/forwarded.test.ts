import { describe, expect, it } from "vitest";
import { arrivedOverHttps, clientAddress, forwardingHeadersFor } from "./forwarded";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("forwarding headers", () => {
  it("drops what a client says about itself unless a proxy is trusted", () => {
    const sent = new Headers({ "x-forwarded-for": "6.6.6.6", "x-forwarded-proto": "https", cookie: "a=b" });
    const untrusted = forwardingHeadersFor(sent, false);
    expect(untrusted.get("x-forwarded-for")).toBeNull();
    expect(untrusted.get("x-forwarded-proto")).toBeNull();
    expect(untrusted.get("cookie")).toBe("a=b");
    expect(forwardingHeadersFor(sent, true).get("x-forwarded-for")).toBe("6.6.6.6");
  });

  it("takes the address the nearest hop added", () => {
    expect(clientAddress(xff("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientAddress(xff("6.6.6.6, 203.0.113.7"))).toBe("203.0.113.7");
    expect(clientAddress(xff("203.0.113.7:51234"))).toBe("203.0.113.7");
    expect(clientAddress(xff("::ffff:127.0.0.1"))).toBe("127.0.0.1");
    expect(clientAddress(new Headers())).toBe("unknown");
    expect(clientAddress(xff("not-an-address"))).toBe("unknown");
  });

  it("counts IPv6 addresses by their /64", () => {
    expect(clientAddress(xff("2001:db8:1:2:aaaa::1"))).toBe("2001:db8:1:2::/64");
    expect(clientAddress(xff("[2001:0db8:0001:0002:ffff:0:0:9]:443"))).toBe("2001:db8:1:2::/64");
    expect(clientAddress(xff("2001:db8::1"))).toBe("2001:db8:0:0::/64");
    expect(clientAddress(xff("::1"))).toBe("0:0:0:0::/64");
    expect(clientAddress(xff("fe80::1%eth0"))).toBe("fe80:0:0:0::/64");
  });

  it("knows whether the request came over https", () => {
    expect(arrivedOverHttps(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(arrivedOverHttps(new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(arrivedOverHttps(new Headers())).toBe(false);
  });
});
