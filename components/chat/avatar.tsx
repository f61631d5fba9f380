"use client";
// The agent's picture, or their initials when there is none (or it fails to load). Decorative: the
// name is always written beside it. Only https (or this site's own) pictures are shown: the chat's
// policy allows no other image source, and a refused one would only show as a broken image.
import { useState } from "react";
import type { ChatAgent } from "./types";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2)).toUpperCase();
}

const usable = (url: string | null): url is string => !!url && (url.startsWith("https://") || /^\/(?!\/)/.test(url));

export function Avatar({ agent, size = "md" }: { agent: ChatAgent; size?: "sm" | "md" }) {
  const [failed, setFailed] = useState<string | null>(null);
  const box = size === "sm" ? "size-7 text-[11px]" : "size-10 text-sm";
  if (usable(agent.imageURL) && failed !== agent.imageURL) {
    return (
      // biome-ignore lint/performance/noImgElement: a remote picture of any size; Next's optimiser would fetch other sites
      <img
        src={agent.imageURL}
        alt=""
        className={`${box} shrink-0 rounded-full bg-slate-100 object-cover`}
        onError={() => setFailed(agent.imageURL)}
        referrerPolicy="no-referrer"
      />
    );
  }
  return (
    <span
      aria-hidden
      className={`${box} inline-flex shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-800`}
    >
      {initials(agent.name)}
    </span>
  );
}
