/*
 * Callboard web chat widget. Paste on any page of your site:
 *
 *   <script src="https://callboard.example.com/widget.js" data-agent-id="…" data-skill-id="…"
 *     data-customer-name="…" data-customer-email="…" data-customer-hash="…" async></script>
 *
 * It adds a chat button in a corner of the page; the chat itself runs in an iframe from Callboard
 * (/chat/widget). Plain ES2017 with no dependencies and no build step: this file is served as it is.
 *
 * Theme: --callboard-color (any CSS colour, default #4f46e5) and --callboard-position (right | left) on
 * the page (:root), or data-position="left" on the script tag.
 *
 * The conversation's token is kept in THIS page's localStorage ("callboard:<agentId>:<skillId>") and
 * handed to the iframe: storage inside a third-party iframe is partitioned or blocked by browsers, so
 * the chat would otherwise be lost on every page load.
 *
 * JavaScript API (window.Callboard): open(), close(), toggle(), sendMessage(text), setCustomer({name,
 * email, phone}), reset(), on("message" | "open" | "close", fn) → a function that unsubscribes.
 * window fires "callboard:ready" once the API exists.
 *
 * The page and the iframe talk with postMessage, {source: "callboard", type, …}; the protocol is
 * described in components/chat/widget-protocol.ts of Callboard's source.
 */
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  if (window.Callboard && window.Callboard.version) {
    console.warn("Callboard: the chat widget is already on this page; this copy does nothing.");
    return;
  }

  const PREFIX = "callboard-widget";
  const SOURCE = "callboard";
  const data = script.dataset;
  const agentId = data.agentId || "";
  const skillId = data.skillId || "";
  if (!agentId || !skillId) {
    console.error("Callboard: the chat widget needs data-agent-id and data-skill-id on its <script> tag.");
    return;
  }
  const origin = new URL(script.src, location.href).origin;
  const storageKey = `callboard:${agentId}:${skillId}`;

  // The page's storage, if it may be used (private modes and strict settings can refuse it).
  let memoryToken = null;
  const store = {
    get() {
      try {
        return localStorage.getItem(storageKey) || memoryToken;
      } catch (_) {
        return memoryToken;
      }
    },
    set(token) {
      memoryToken = token;
      try {
        if (token) localStorage.setItem(storageKey, token);
        else localStorage.removeItem(storageKey);
      } catch (_) {
        /* kept in memory for this page only */
      }
    },
  };

  const clean = (value) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  let customer = { name: clean(data.customerName), email: clean(data.customerEmail), phone: clean(data.customerPhone) };
  const customerHash = clean(data.customerHash);

  const css = `
.${PREFIX}{position:fixed;bottom:20px;right:20px;z-index:2147483000;font:14px/1.4 system-ui,sans-serif}
.${PREFIX}.${PREFIX}-left{right:auto;left:20px}
.${PREFIX}-launcher{position:relative;display:flex;align-items:center;justify-content:center;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;background:var(--callboard-color,#4f46e5);color:#fff;box-shadow:0 4px 14px rgba(15,23,42,.3);cursor:pointer}
.${PREFIX}-launcher:hover{filter:brightness(1.1)}
.${PREFIX}-launcher:focus-visible{outline:3px solid #0f172a;outline-offset:3px}
.${PREFIX}-launcher svg{width:28px;height:28px;fill:currentColor}
.${PREFIX}-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;background:#b91c1c;color:#fff;font-size:12px;font-weight:600;line-height:20px;text-align:center}
.${PREFIX}-badge[hidden],.${PREFIX}-panel[hidden],.${PREFIX}-sr{display:none}
.${PREFIX}-panel{position:absolute;bottom:72px;right:0;width:380px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 112px);border-radius:12px;overflow:hidden;background:#fff;box-shadow:0 12px 40px rgba(15,23,42,.3)}
.${PREFIX}-left .${PREFIX}-panel{right:auto;left:0}
.${PREFIX}-panel iframe{display:block;width:100%;height:100%;border:0}
@media (max-width:480px){
.${PREFIX}-open .${PREFIX}-panel{position:fixed;inset:0;width:100%;max-width:none;height:100%;max-height:none;border-radius:0}
.${PREFIX}-open .${PREFIX}-launcher{display:none}
}`;

  const el = (tag, attrs) => {
    const node = document.createElement(tag);
    for (const name of Object.keys(attrs || {})) node.setAttribute(name, attrs[name]);
    return node;
  };

  const style = el("style", { id: `${PREFIX}-style` });
  // A page whose policy allows only scripts and styles with its nonce gave this script one: reuse it.
  if (script.nonce) style.nonce = script.nonce;
  style.textContent = css;

  const root = el("div", { class: PREFIX });
  const panelId = `${PREFIX}-panel`;
  const launcher = el("button", {
    type: "button",
    class: `${PREFIX}-launcher`,
    "aria-label": "Open chat",
    "aria-expanded": "false",
    "aria-controls": panelId,
    "aria-describedby": `${PREFIX}-unread`,
  });
  // Built node by node, not with innerHTML: pages that enforce Trusted Types refuse markup from strings.
  const SVG = "http://www.w3.org/2000/svg";
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("aria-hidden", "true");
  icon.setAttribute("focusable", "false");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute(
    "d",
    "M12 3C6.5 3 2 6.8 2 11.5c0 2.3 1.1 4.4 2.9 5.9L4 21l4.2-2.1c1.2.4 2.5.6 3.8.6 5.5 0 10-3.8 10-8.5S17.5 3 12 3Z",
  );
  icon.append(path);
  launcher.append(icon);
  const badge = el("span", { class: `${PREFIX}-badge`, "aria-hidden": "true", hidden: "" });
  const unreadText = el("span", { id: `${PREFIX}-unread`, class: `${PREFIX}-sr` });
  launcher.append(badge, unreadText);
  const panel = el("div", { id: panelId, class: `${PREFIX}-panel`, hidden: "" });
  root.append(panel, launcher);

  let frame = null;
  let frameReady = false;
  let isOpen = false;
  let queue = [];
  const listeners = { message: [], open: [], close: [] };

  const emit = (type, value) => {
    for (const fn of listeners[type].slice()) {
      try {
        fn(value);
      } catch (error) {
        console.error(error);
      }
    }
  };

  const position = () => {
    const fromCss = getComputedStyle(document.documentElement).getPropertyValue("--callboard-position").trim();
    return (data.position || fromCss || "right").toLowerCase() === "left" ? "left" : "right";
  };

  // The page's colour for the launcher, with whichever of white or dark text reads better on it.
  const colour = () => {
    const computed = getComputedStyle(launcher).backgroundColor;
    const rgb = /(\d+)\D+(\d+)\D+(\d+)/.exec(computed);
    if (rgb) {
      const lin = (v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      const l = 0.2126 * lin(+rgb[1]) + 0.7152 * lin(+rgb[2]) + 0.0722 * lin(+rgb[3]);
      launcher.style.color = 1.05 / (l + 0.05) >= (l + 0.05) / 0.0586 ? "#fff" : "#0f172a";
    }
    return computed;
  };

  const post = (message) => {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(Object.assign({ source: SOURCE }, message), origin);
  };
  const whenReady = (message) => {
    if (frameReady) post(message);
    else queue.push(message);
  };
  const init = () => ({
    type: "init",
    token: store.get(),
    customer,
    customerHash,
    lang: document.documentElement.lang || undefined,
    color: colour(),
  });

  const ensureFrame = () => {
    if (frame) return;
    const query = new URLSearchParams({ agentId, skillId });
    if (document.documentElement.lang) query.set("lang", document.documentElement.lang);
    frame = el("iframe", { src: `${origin}/chat/widget?${query}`, title: "Chat" });
    panel.append(frame);
  };

  const setUnread = (count) => {
    const n = Math.max(0, Number(count) || 0);
    badge.textContent = n > 99 ? "99+" : String(n);
    badge.hidden = n === 0 || isOpen;
    unreadText.textContent = n ? `${n} unread ${n === 1 ? "message" : "messages"}` : "";
  };

  const open = () => {
    ensureFrame();
    if (isOpen) return;
    isOpen = true;
    panel.hidden = false;
    root.classList.add(`${PREFIX}-open`);
    launcher.setAttribute("aria-expanded", "true");
    setUnread(0);
    frame.focus();
    whenReady({ type: "visibility", open: true });
    emit("open");
  };

  const close = () => {
    if (!isOpen) return;
    const hadFocus = document.activeElement === frame || root.contains(document.activeElement);
    isOpen = false;
    panel.hidden = true;
    root.classList.remove(`${PREFIX}-open`);
    launcher.setAttribute("aria-expanded", "false");
    if (frameReady) post({ type: "visibility", open: false });
    if (hadFocus || document.activeElement === document.body) launcher.focus();
    emit("close");
  };

  window.addEventListener("message", (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    const message = event.data;
    if (!message || message.source !== SOURCE) return;
    switch (message.type) {
      case "ready": {
        // Also after the iframe reloaded itself: it knows nothing until it is told again.
        frameReady = true;
        post(init());
        post({ type: "visibility", open: isOpen });
        const pending = queue.filter((m) => m.type !== "visibility");
        queue = [];
        for (const m of pending) post(m);
        break;
      }
      case "agent":
        if (message.agent && typeof message.agent.name === "string") frame.title = `Chat with ${message.agent.name}`;
        break;
      case "token":
        store.set(typeof message.token === "string" && message.token ? message.token : null);
        break;
      case "message":
        if (message.message) emit("message", message.message);
        break;
      case "unread":
        if (!isOpen) setUnread(message.count);
        break;
      case "close":
        close();
        break;
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen) close();
  });
  launcher.addEventListener("click", () => (isOpen ? close() : open()));

  const mount = () => {
    document.head.append(style);
    document.body.append(root);
    if (position() === "left") root.classList.add(`${PREFIX}-left`);
    colour();
    // A conversation under way: load it now, so replies that arrive while the chat is closed are counted.
    if (store.get()) ensureFrame();
  };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);

  window.Callboard = {
    version: 1,
    open,
    close,
    toggle: () => (isOpen ? close() : open()),
    sendMessage(text) {
      if (typeof text !== "string" || !text.trim()) return;
      open();
      whenReady({ type: "send", text });
    },
    setCustomer(next) {
      const c = next || {};
      customer = { name: clean(c.name), email: clean(c.email), phone: clean(c.phone) };
      if (frameReady) post(init());
    },
    reset() {
      store.set(null);
      setUnread(0);
      // No iframe yet: the next one starts without a token anyway.
      if (frame) whenReady({ type: "reset" });
    },
    on(type, fn) {
      if (!listeners[type] || typeof fn !== "function") throw new Error(`Callboard.on: unknown event "${type}"`);
      listeners[type].push(fn);
      return () => {
        listeners[type] = listeners[type].filter((f) => f !== fn);
      };
    },
  };
  window.dispatchEvent(new CustomEvent("callboard:ready"));
})();
