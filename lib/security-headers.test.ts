import { describe, expect, it } from "vitest";
import { chatFrameAncestors, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("gives pages a nonce-only script policy that no other site may frame", () => {
    const h = securityHeaders({ kind: "page", nonce: "abc123", https: false });
    const csp = h.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("'unsafe-");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).toContain("object-src 'none'");
    expect(h.get("x-frame-options")).toBe("DENY");
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toBe("same-origin");
    expect(h.get("strict-transport-security")).toBeNull();
  });

  it("lets API answers render nothing, and asks for https when Callboard is served over it", () => {
    const h = securityHeaders({ kind: "api", https: true });
    expect(h.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(h.get("x-frame-options")).toBe("DENY");
    expect(h.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
  });

  it("allows eval only for React's development build", () => {
    expect(securityHeaders({ kind: "page", nonce: "n", https: false, dev: true }).get("content-security-policy")).toContain(
      "'unsafe-eval'",
    );
  });

  it("lets the allowed sites frame the chat pages, with the page's script policy and the agent's picture", () => {
    const h = securityHeaders({ kind: "chat", nonce: "n1", https: false, chatAncestors: "https://shop.example" });
    const csp = h.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self' 'nonce-n1' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors https://shop.example");
    expect(csp).not.toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https:;");
    expect(h.get("x-frame-options")).toBeNull();
    expect(h.get("referrer-policy")).toBe("same-origin");
  });

  it("frames the chat nowhere unless told where", () => {
    expect(securityHeaders({ kind: "chat", nonce: "n", https: false }).get("content-security-policy")).toContain(
      "frame-ancestors 'none'",
    );
  });
});

describe("the sites that may frame the chat (WEBCHAT_ALLOWED_ORIGINS)", () => {
  it("keeps any site, origins, wildcard subdomains and schemes", () => {
    expect(chatFrameAncestors("*")).toBe("*");
    expect(chatFrameAncestors("  https://shop.example   http://localhost:8080 ")).toBe(
      "https://shop.example http://localhost:8080",
    );
    expect(chatFrameAncestors("https://*.example.com https:")).toBe("https://*.example.com https:");
    expect(chatFrameAncestors("'self' https://Shop.Example/ https://shop.example:443")).toBe("'self' https://shop.example");
  });

  it("drops what is no origin, so nothing can be smuggled into the policy", () => {
    expect(chatFrameAncestors("https://shop.example; script-src *")).toBe("*");
    expect(chatFrameAncestors("https://shop.example/path https://a@b.example javascript: data: 'unsafe-inline'")).toBe("'none'");
    expect(chatFrameAncestors("https://ok.example https://shop.example;")).toBe("https://ok.example");
  });

  it("allows no site when nothing usable is left, or when told 'none'", () => {
    expect(chatFrameAncestors("shop")).toBe("'none'");
    expect(chatFrameAncestors("'none' https://shop.example")).toBe("'none'");
  });
});
