// Renders the status lifecycle as Markdown for the README, from the one table in status.ts.
// status.test.ts checks that the README carries exactly this text.
import { allowedNext, CHANNELS, STATUSES, statusesFor, TERMINAL } from "./status";

export function lifecycleMarkdown(): string {
  const lines: string[] = [];
  lines.push("| Channel | Statuses it can pass through |", "|---|---|");
  for (const channel of CHANNELS)
    lines.push(
      `| \`${channel}\` | ${statusesFor(channel)
        .map((s) => `\`${s}\``)
        .join(", ")} |`,
    );
  lines.push("", "Legal transitions (any non-terminal status may also go to `failed`, `canceled` or `expired`):", "");
  lines.push("| From | `call` | `sms`, `email` | `whatsapp` | `webchat` |", "|---|---|---|---|---|");
  const abort = new Set(["failed", "canceled", "expired"]);
  for (const from of STATUSES) {
    const cell = (channel: (typeof CHANNELS)[number]) => {
      if (!statusesFor(channel).includes(from)) return "";
      const next = allowedNext(channel, from).filter((s) => !abort.has(s));
      return next.length ? next.map((s) => `\`${s}\``).join(", ") : TERMINAL.has(from) ? "final" : "";
    };
    const row = [cell("call"), cell("sms"), cell("whatsapp"), cell("webchat")];
    if (row.every((c) => c === "")) continue;
    lines.push(`| \`${from}\` | ${row.join(" | ")} |`);
  }
  return lines.join("\n");
}
