"use client";
// Who talks to the customer, with which skill, over which channel. The skill list follows the agent.
import { useFormContext } from "react-hook-form";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import { Card } from "@/components/ui/page-header";
import type { AgentDto } from "@/server/agents/schema";
import { CHANNELS } from "@/server/calls/status";
import { Field, inputClass } from "@/components/ui/field";
import type { CreateCallFormValues } from "./form-model";

export function AgentSection({
  agents,
  agent,
  agentLoading,
}: {
  agents: AgentDto[];
  agent: AgentDto | undefined;
  agentLoading: boolean;
}) {
  const {
    register,
    watch,
    formState: { errors },
  } = useFormContext<CreateCallFormValues>();
  const [channel, simulate] = watch(["channel", "simulate"]);
  const skills = agent?.skills.filter((s) => s.active) ?? [];
  const skillHint = !agent
    ? agentLoading
      ? "Loading the agent's skills…"
      : "Pick an agent first: the list shows that agent's skills."
    : skills.length === 0
      ? "This agent has no active skills. Assign one on the Agents page, or pick another agent."
      : undefined;

  return (
    <Card title="Agent and channel">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Agent"
          required
          hint={agent ? [agent.roleText, agent.language].filter(Boolean).join(" · ") : undefined}
          keepHintOnError
          error={errors.agentId?.message}
          className="sm:col-span-2"
        >
          {(a11y) => (
            <select className={inputClass} {...a11y} {...register("agentId")}>
              <option value="">Choose an agent</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {[a.name, a.lastname].filter(Boolean).join(" ")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Skill" required hint={skillHint} keepHintOnError error={errors.skillId?.message}>
          {(a11y) => (
            <select className={inputClass} disabled={skills.length === 0} {...a11y} {...register("skillId")}>
              <option value="">{skills.length ? "Choose a skill" : "No skills to choose"}</option>
              {skills.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Channel"
          required
          hint={channel === "webchat" && !simulate ? "You get a chat link to send to the customer." : undefined}
          error={errors.channel?.message}
        >
          {(a11y) => (
            <select className={inputClass} {...a11y} {...register("channel")}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" className="mt-1" {...register("simulate")} />
            <span>
              <span className="font-medium">Test run on the simulator</span>
              <span className="block text-xs text-slate-600">
                Nobody is contacted: a simulated customer answers (played by the language model when one is configured).
              </span>
            </span>
          </label>
        </div>
        {simulate && (
          <Field
            label="Simulated customer"
            hint="Who the model plays, e.g. “an impatient customer whose parcel is late”. Empty: a polite customer."
            error={errors.persona?.message}
            className="sm:col-span-2"
          >
            {(a11y) => <textarea rows={2} className={inputClass} {...a11y} {...register("persona")} />}
          </Field>
        )}
      </div>
    </Card>
  );
}
