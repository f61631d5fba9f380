"use client";
// "Test this agent": a simulated interaction on a channel of your choice, where the customer is played
// (by the language model, when one is configured) from a persona you write. Nobody real is contacted.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import { useCreateCallMutation } from "@/components/queries/calls";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";
import { ErrorNotice } from "@/components/ui/states";
import type { AgentDto } from "@/server/agents/schema";
import { CHANNELS, type Channel } from "@/server/calls/status";

/** Contact details a test run needs to pass the channel's rules; nothing is sent to them. */
const TEST_CONTACT: Record<Channel, { customerPhone?: string; customerEmail?: string }> = {
  call: { customerPhone: "+15555550100" },
  sms: { customerPhone: "+15555550100" },
  whatsapp: { customerPhone: "+15555550100" },
  email: { customerEmail: "test.customer@example.com" },
  webchat: {},
};

export function TestAgent({ agent }: { agent: AgentDto }) {
  const skills = agent.skills.filter((s) => s.active);
  const [channel, setChannel] = useState<Channel>("webchat");
  const [skillId, setSkillId] = useState(skills[0]?.id ?? "");
  const [persona, setPersona] = useState("");
  const create = useCreateCallMutation();
  const router = useRouter();

  if (!agent.active || skills.length === 0) {
    return (
      <Card title="Test this agent">
        <p className="text-sm text-slate-600">
          {agent.active ? "Assign an active skill to test this agent." : "Activate the agent to test it."}
        </p>
      </Card>
    );
  }

  const start = () =>
    create.mutate(
      {
        agentId: agent.id,
        skillId: skillId || skills[0].id,
        channel,
        customerName: "Test Customer",
        ...TEST_CONTACT[channel],
        simulate: true,
        ...(persona.trim() && { persona: persona.trim() }),
      },
      { onSuccess: (call) => router.push(`/calls/${call.id}`) },
    );

  return (
    <Card title="Test this agent">
      <p className="mb-3 text-sm text-slate-600">
        A simulated conversation: nobody is contacted. With a language model configured, it plays the customer you describe.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Skill" value={skillId} onChange={(e) => setSkillId(e.target.value)}>
          {skills.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Simulated customer"
          hint="For example: an impatient customer whose parcel is late."
          rows={2}
          maxLength={2000}
          className="sm:col-span-2"
          value={persona}
          onChange={(e) => setPersona(e.target.value)}
        />
      </div>
      <div className="mt-3">
        <Button onClick={start} disabled={create.isPending}>
          {create.isPending ? "Starting…" : "Start test run"}
        </Button>
      </div>
      {create.error && (
        <div className="mt-3">
          <ErrorNotice error={create.error} title="The test run did not start" />
        </div>
      )}
    </Card>
  );
}
