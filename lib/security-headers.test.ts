import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("gives pages a nonce-only script policy that no other site may frame", () => {
    const h = securityHeaders({ kind: "page", nonce: "abc123", https: false });
    const csp = h.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("'unsafe-");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toBe("same-origin");
    expect(h.get("strict-transport-security")).toBeNull();
  });

  it("lets API answers render nothing, and asks for https when Callboard is served over it", () => {
    const h = securityHeaders({ kind: "api", https: true });
    expect(h.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(h.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
  });

  it("allows eval only for React's development build", () => {
    expect(securityHeaders({ kind: "page", nonce: "n", https: false, dev: true }).get("content-security-policy")).toContain(
      "'unsafe-eval'",
    );
  });
});
