import { describe, expect, it } from "vitest";
import { accentStyle } from "./accent";
import { parseHostMessage } from "./widget-protocol";

describe("messages from the widget's host page", () => {
  it("takes ours and ignores everyone else's", () => {
    expect(parseHostMessage({ source: "callboard", type: "reset" })).toEqual({ type: "reset" });
    expect(parseHostMessage({ type: "reset" })).toBeNull();
    expect(parseHostMessage("callboard")).toBeNull();
    expect(parseHostMessage({ source: "callboard", type: "eval", code: "x" })).toBeNull();
    expect(parseHostMessage({ source: "callboard", type: "send" })).toBeNull();
  });

  it("keeps the usable parts of an init and drops the rest", () => {
    expect(
      parseHostMessage({
        source: "callboard",
        type: "init",
        token: 42,
        customer: { name: " Jo ", email: "", phone: "+1 555", role: "admin" },
        customerHash: "abc",
        lang: "de",
      }),
    ).toEqual({ type: "init", token: null, customer: { name: "Jo", phone: "+1 555" }, customerHash: "abc", lang: "de" });
    expect(parseHostMessage({ source: "callboard", type: "init", customer: "me" })).toEqual({ type: "init" });
  });
});

describe("the host's colour as the chat's accent", () => {
  it("writes on it in whichever of white and dark reads better", () => {
    expect(accentStyle("rgb(79, 70, 229)")).toEqual({ "--chat-accent": "rgb(79 70 229)", "--chat-on-accent": "#fff" });
    expect(accentStyle("#fde047")).toEqual({ "--chat-accent": "rgb(253 224 71)", "--chat-on-accent": "#0f172a" });
    expect(accentStyle("rgba(0, 0, 0, 0.5)")?.["--chat-on-accent" as "color"]).toBe("#fff");
  });

  it("keeps the default for anything else", () => {
    expect(accentStyle("red; background: url(x)")).toBeUndefined();
    expect(accentStyle("rgb(300, 0, 0)")).toBeUndefined();
    expect(accentStyle(undefined)).toBeUndefined();
  });
});
