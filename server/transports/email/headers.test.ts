import { describe, expect, it } from "vitest";
import {
  headerText,
  htmlOf,
  isAddress,
  messageIdFor,
  messageIdsIn,
  parseMailbox,
  plusAddress,
  referencesFor,
  replySubject,
  tokenIn,
} from "./headers";

describe("e-mail headers", () => {
  it("headerText turns CR, LF, NUL, C1 controls and Unicode line breaks into spaces", () => {
    expect(headerText("Order\r\nBcc: evil@example.com")).toBe("Order Bcc: evil@example.com");
    expect(headerText("a\u0000b\u0085c\u2028d\u2029e\tf")).toBe("a b c d e f");
    expect(headerText("  x  ", 10)).toBe("x");
    expect(headerText("é".repeat(300), 5)).toBe("ééééé");
  });

  it("parses mailboxes and refuses what is not one", () => {
    expect(parseMailbox("Support Team <Support@Example.com>")).toEqual({ name: "Support Team", address: "support@example.com" });
    expect(parseMailbox("ava@callboard.example")).toEqual({ name: "", address: "ava@callboard.example" });
    expect(parseMailbox('"Evil\r\nBcc: x@y.z" <a@b.co>')?.name).not.toMatch(/[\r\n]/);
    expect(parseMailbox("not an address")).toBeNull();
    expect(isAddress("a@b")).toBe(false);
    expect(isAddress("a@-b.com")).toBe(false);
    expect(isAddress("a b@c.com")).toBe(false);
  });

  it("plus-addresses carry the thread token, found again in any recipient", () => {
    const token = "0123456789abcdef0123";
    expect(plusAddress("ava@callboard.example", token)).toBe(`ava+${token}@callboard.example`);
    expect(plusAddress("ava+old@callboard.example", token)).toBe(`ava+${token}@callboard.example`);
    expect(tokenIn(["someone@else.com", `AVA+${token.toUpperCase()}@callboard.example`])).toBe(token);
    expect(tokenIn(["ava+short@callboard.example"])).toBeNull();
  });

  it("message ids: derived from the sid, read from headers in order without repeats", () => {
    expect(messageIdFor("EMabc", "callboard.example")).toBe("<emabc@callboard.example>");
    expect(messageIdsIn("<a@x> <b@x>\r\n <a@x>")).toEqual(["<a@x>", "<b@x>"]);
    expect(messageIdsIn(["<a@x>", "<c@x>"])).toEqual(["<a@x>", "<c@x>"]);
    expect(messageIdsIn("bare@id.example")).toEqual(["<bare@id.example>"]);
    expect(messageIdsIn(undefined)).toEqual([]);
    expect(messageIdsIn("<x@y>".repeat(1000))).toHaveLength(1);
  });

  it("subjects get one Re:", () => {
    expect(replySubject("Your order")).toBe("Re: Your order");
    expect(replySubject("RE: Your order")).toBe("RE: Your order");
    expect(replySubject("Aw: Bestellung")).toBe("Aw: Bestellung");
    expect(replySubject("Hi\r\nBcc: x@y.z")).toBe("Re: Hi Bcc: x@y.z");
  });

  it("references keep the thread's root and its most recent ids", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `<${i}@x>`);
    const refs = referencesFor(ids, 5);
    expect(refs).toEqual(["<0@x>", "<26@x>", "<27@x>", "<28@x>", "<29@x>"]);
    expect(referencesFor(["<a@x>", "<a@x>", "<b@x>"])).toEqual(["<a@x>", "<b@x>"]);
  });

  it("the HTML part escapes everything and keeps paragraphs", () => {
    const html = htmlOf('Hi <b>Nina</b> & "friends"\n\nLine one\nLine two');
    expect(html).toContain("<p>Hi &lt;b&gt;Nina&lt;/b&gt; &amp; &quot;friends&quot;</p>");
    expect(html).toContain("<p>Line one<br>Line two</p>");
    expect(html).not.toContain("<b>");
  });
});
