import { describe, expect, it } from "vitest";
import { bounceOf, newText, notAnsweredReason } from "./classify";
import type { InboundEmail } from "./inbound-email";
import { textOfHtml } from "./webhook";

const mail = (over: Partial<InboundEmail> = {}): InboundEmail => ({
  source: "imap",
  messageId: "<m@x>",
  inReplyTo: [],
  references: [],
  from: { name: "Nina", address: "nina@customer.example" },
  recipients: ["ava@callboard.example"],
  to: [],
  cc: [],
  subject: "Hi",
  date: null,
  text: "Hello",
  stripped: null,
  headers: {},
  attachments: [],
  original: "",
  reportType: null,
  reportText: "",
  ...over,
});

const own = new Set(["ava@callboard.example"]);

describe("classifying inbound e-mail", () => {
  it("reads a failed-delivery report: status, diagnostic, recipient and the returned Message-ID", () => {
    const report = [
      "Final-Recipient: rfc822; gone@customer.example",
      "Action: failed",
      "Status: 5.1.1",
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
      "Message-ID: <em1@callboard.example>",
    ].join("\n");
    expect(bounceOf(mail({ reportType: "delivery-status", reportText: report }))).toEqual({
      status: "5.1.1",
      diagnostic: "smtp; 550 5.1.1 User unknown",
      recipient: "gone@customer.example",
      returned: ["<em1@callboard.example>"],
    });
    // A delay notice is not a bounce; neither is a person's message.
    expect(bounceOf(mail({ reportType: "delivery-status", reportText: "Action: delayed\nStatus: 4.4.7" }))).toBeNull();
    expect(bounceOf(mail())).toBeNull();
  });

  it("never answers machines: Auto-Submitted, Precedence, X-Autoreply, lists, the agent's own address, mail daemons", () => {
    expect(notAnsweredReason(mail(), own)).toBeNull();
    expect(notAnsweredReason(mail({ headers: { "auto-submitted": "no" } }), own)).toBeNull();
    expect(notAnsweredReason(mail({ headers: { "auto-submitted": "auto-replied; owner-email=x" } }), own)).toContain(
      "auto-replied",
    );
    expect(notAnsweredReason(mail({ headers: { precedence: "Bulk" } }), own)).toContain("bulk");
    expect(notAnsweredReason(mail({ headers: { precedence: "auto_reply" } }), own)).toContain("auto_reply");
    expect(notAnsweredReason(mail({ headers: { "x-autoreply": "yes" } }), own)).toContain("automatic reply");
    expect(notAnsweredReason(mail({ headers: { "list-id": "<news.example>" } }), own)).toContain("mailing-list");
    expect(notAnsweredReason(mail({ from: { name: "", address: "ava+0123456789abcdef0123@callboard.example" } }), own)).toContain(
      "agent's own address",
    );
    expect(notAnsweredReason(mail({ from: { name: "", address: "MAILER-DAEMON@mx.example" } }), own)).toContain("mail server");
    expect(notAnsweredReason(mail({ from: null }), own)).toContain("without a sender");
  });

  it("keeps the new text only: the provider's stripped reply, else the text without quotes and signature", () => {
    expect(newText({ stripped: "  Yes please.  ", text: "Yes please.\n> old" })).toBe("Yes please.");
    const text = "Thanks!\r\n\r\nOn Mon, 7 Dec 2026 at 10:00, Ava <ava@callboard.example> wrote:\r\n> Hello\r\n> there\r\n";
    expect(newText({ stripped: null, text })).toBe("Thanks!");
    expect(newText({ stripped: null, text: "Hi\n\n-- \nNina Patel\nACME" })).toBe("Hi");
    expect(newText({ stripped: null, text: "   " })).toBe("");
  });

  it("turns HTML-only mail into text in one pass", () => {
    expect(textOfHtml("<p>Hello&nbsp;<b>Nina</b></p><div>Line&lt;2&gt; &amp; more<br/>end</div>")).toBe(
      "Hello Nina\nLine<2> & more\nend\n",
    );
    expect(textOfHtml("a < b & c")).toBe("a ");
    expect(textOfHtml("<".repeat(50_000)).length).toBe(0);
  });
});
