"use client";
// The duration shown in the header: final once the interaction ended, otherwise the server's value
// advanced by the time since that snapshot arrived, re-rendered every second. Null (shown as "not
// started") until the interaction starts: the API's "0" then means no time has been spent yet.
import { useEffect, useState } from "react";
import type { Call } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";

export function useTickingDuration(call: Call, receivedAt: number): number | null {
  const started = call.startedAt !== null;
  const live = started && !isTerminal(call.status);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  if (!started) return null;
  const base = Number(call.duration);
  return live ? base + Math.max(0, Math.floor((now - receivedAt) / 1000)) : base;
}
