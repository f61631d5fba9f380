// The agent's web chat widget as an admin sets it up: the snippet to paste, per skill, and the secret
// the host site's server uses to compute data-customer-hash.
import { z } from "zod";
import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { widgetSecret } from "./service";

export const widgetSettingsSchema = z.object({
  secret: z.string(),
  snippets: z.array(z.object({ skillId: z.string(), skillName: z.string(), html: z.string() })),
});

export async function widgetSettings(agentId: string): Promise<z.infer<typeof widgetSettingsSchema>> {
  const agent = await db.agent.findUnique({
    where: { id: agentId },
    select: { skills: { select: { skill: { select: { id: true, name: true } } } } },
  });
  if (!agent) throw notFound("Agent");
  return {
    secret: await widgetSecret(agentId),
    snippets: agent.skills.map(({ skill }) => ({
      skillId: skill.id,
      skillName: skill.name,
      html: `<script src="${publicUrl()}/widget.js" data-agent-id="${agentId}" data-skill-id="${skill.id}" async></script>`,
    })),
  };
}
