import { describe, expect, it } from "vitest";
import { forbiddenAddressReason, literalAddressProblem, webhookUrlProblem } from "./ssrf";

describe("forbiddenAddressReason", () => {
  it.each([
    ["127.0.0.1", "a loopback"],
    ["127.255.0.9", "a loopback"],
    ["::1", "a loopback"],
    ["10.1.2.3", "a private"],
    ["172.16.0.1", "a private"],
    ["172.31.255.255", "a private"],
    ["192.168.1.1", "a private"],
    ["fd12:3456::1", "a private"],
    ["100.64.0.1", "a carrier-grade NAT"],
    ["100.127.255.255", "a carrier-grade NAT"],
    ["169.254.10.10", "a link-local"],
    ["fe80::1", "a link-local"],
    ["fe80::1%eth0", "a link-local"],
    ["169.254.169.254", "a cloud metadata"],
    ["fd00:ec2::254", "a cloud metadata"],
    ["100.100.100.200", "a cloud metadata"],
    ["0.0.0.0", "an unspecified"],
    ["::", "an unspecified"],
    ["224.0.0.1", "a multicast"],
    ["ff02::1", "a multicast"],
    ["255.255.255.255", "a reserved"],
    ["192.0.2.10", "a documentation"],
    // IPv4-mapped IPv6, dotted and hex, and IPv4 inside NAT64 / 6to4
    ["::ffff:127.0.0.1", "a loopback"],
    ["::ffff:7f00:1", "a loopback"],
    ["::ffff:169.254.169.254", "a cloud metadata"],
    ["::ffff:a00:1", "a private"],
    ["64:ff9b::10.0.0.1", "a private"],
    ["64:ff9b::a9fe:a9fe", "a cloud metadata"],
    ["2002:7f00:1::", "a loopback"],
    ["[::1]", "a loopback"],
    ["not-an-ip", "an invalid"],
  ])("%s is %s address", (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "169.253.255.255",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
  ])("%s is public", (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });
});

describe("webhookUrlProblem", () => {
  it("refuses other schemes", async () => {
    expect(await webhookUrlProblem("ftp://example.com/hook")).toMatch(/http or https/);
    expect(await webhookUrlProblem("file:///etc/passwd")).toMatch(/http or https/);
  });

  it("refuses private literals and names that resolve to loopback", async () => {
    expect(await webhookUrlProblem("http://127.0.0.1:8080/hook")).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(await webhookUrlProblem("http://[::ffff:169.254.169.254]/latest")).toMatch(/cloud metadata/);
    expect(await webhookUrlProblem("http://localhost/hook")).toMatch(/localhost \((127\.0\.0\.1|::1)\) is a loopback/);
  });

  it("accepts public literals", async () => {
    expect(await webhookUrlProblem("https://8.8.8.8/hook")).toBeNull();
    expect(literalAddressProblem(new URL("https://[2606:4700:4700::1111]/"))).toBeNull();
    expect(literalAddressProblem(new URL("http://10.0.0.1/"))).toMatch(/private/);
  });
});
