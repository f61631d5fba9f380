import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const ORIGIN = "https://callboard.example.com";

describe("safeReturnPath", () => {
  it.each([
    ["/calls?status=completed", "/calls?status=completed"],
    ["/calls/abc#transcript", "/calls/abc#transcript"],
    ["/settings/api-keys", "/settings/api-keys"],
    ["calls", "/calls"],
    ["https://callboard.example.com/calls?page=2", "/calls?page=2"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    // Same scheme, no slashes: a relative path, as a browser on an https page reads it too.
    ["https:evil.example", "/evil.example"],
  ])("keeps %j on this site as %j", (next, expected) => {
    expect(safeReturnPath(next, ORIGIN)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    " //evil.example",
    "/.//evil.example",
    "/x/..//evil.example",
    "https://evil.example/calls",
    "http://callboard.example.com/calls",
    "https://callboard.example.com.evil.example/",
    "https://callboard.example.com@evil.example/",
    "http:evil.example",
    "javascript:alert(document.domain)",
    "JaVaScRiPt\t:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://[::1",
  ])("sends %j home instead", (next) => {
    expect(safeReturnPath(next, ORIGIN)).toBe("/");
  });

  it("sends anything that is not one string home", () => {
    for (const next of [undefined, null, "", ["/calls"], 42]) expect(safeReturnPath(next, ORIGIN)).toBe("/");
  });

  it("gives what the browser will resolve to a path on this site", () => {
    // Whatever it keeps, a browser resolving it on any page of this origin stays on this origin.
    for (const next of ["/calls", "/a/../b", "/ok?next=//evil.example", "/%09/evil.example"]) {
      const path = safeReturnPath(next, ORIGIN);
      expect(new URL(path, `${ORIGIN}/deep/page`).origin).toBe(ORIGIN);
    }
  });
});
