// Demo data: a small support team's agents and skills. Idempotent (fixed ids, upserts), so restarting
// never duplicates anything. The agent and skill 123e4567-… make the reference API's documented
// Create Call example work verbatim.
import { db } from "@/lib/db";

export const REFERENCE_ID = "123e4567-e89b-12d3-a456-426614174000";

const skills = [
  { id: REFERENCE_ID, name: "Order notifications", description: "Tell customers about order status, delivery dates and totals." },
  {
    id: "6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b7c4a11",
    name: "Billing support",
    description: "Explain invoices, failed payments and refunds.",
  },
  {
    id: "8a4d6e2f-1c3b-4d5e-8f7a-9b0c1d2e3f42",
    name: "Appointment reminders",
    description: "Confirm, reschedule or cancel appointments.",
  },
  {
    id: "2b7e9c4d-5a6f-4e8d-b1c2-3d4e5f6a7b83",
    name: "Technical support",
    description: "First-line troubleshooting for accounts and devices.",
  },
  {
    id: "9c8b7a6d-4e3f-4a2b-8c1d-0e9f8a7b6c54",
    name: "Returns and refunds",
    description: "Start returns, explain refund timelines.",
    language: "en-US",
  },
  {
    id: "4d3c2b1a-9e8f-4d7c-a6b5-4c3d2e1f0a95",
    name: "Soporte en español",
    description: "Atención al cliente en español.",
    language: "es-ES",
  },
];

const agents = [
  {
    id: REFERENCE_ID,
    name: "Ava",
    lastname: "Thompson",
    nickname: "Ava",
    email: "ava@callboard.example",
    phone: "+14155550100",
    voiceId: "ava-warm",
    roleText: "Customer care agent for orders and deliveries",
    jobDescriptions: "Notifies customers about their orders and answers delivery questions.",
    baseInstructions:
      "You are {{aiName}}, a friendly customer care agent. Help {{firstName}} with their order. Be brief and kind.",
    initialMessage: "Hello {{firstName}}, this is {{aiName}} calling about your recent order.",
    capabilities: ["order lookup", "delivery tracking"],
    skills: [REFERENCE_ID, "9c8b7a6d-4e3f-4a2b-8c1d-0e9f8a7b6c54"],
  },
  {
    id: "5e2d8c1b-7a4f-4b3e-9d6c-2a1b0c9d8e76",
    name: "Marcus",
    lastname: "Lee",
    nickname: "Marcus",
    email: "marcus@callboard.example",
    phone: "+14155550101",
    voiceId: "marcus-calm",
    roleText: "Billing specialist",
    jobDescriptions: "Handles invoices, payment failures and refunds.",
    baseInstructions: "You are {{aiName}} from billing. Explain charges clearly to {{customerName}}.",
    initialMessage: "Hi {{firstName}}, this is {{aiName}} from the billing team.",
    capabilities: ["invoice lookup", "refunds"],
    skills: ["6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b7c4a11", "9c8b7a6d-4e3f-4a2b-8c1d-0e9f8a7b6c54"],
  },
  {
    id: "7c6b5a49-3d2e-4f1a-8b9c-0d1e2f3a4b67",
    name: "Priya",
    lastname: "Raman",
    nickname: "Priya",
    email: "priya@callboard.example",
    phone: "+14155550102",
    voiceId: "priya-bright",
    roleText: "Scheduling assistant",
    jobDescriptions: "Confirms and reschedules appointments.",
    baseInstructions: "You are {{aiName}}. Confirm {{firstName}}'s appointment on {{Appointment Date}}.",
    initialMessage: "Hi {{firstName}}, it's {{aiName}} with a reminder about your appointment on {{Appointment Date}}.",
    capabilities: ["calendar"],
    skills: ["8a4d6e2f-1c3b-4d5e-8f7a-9b0c1d2e3f42"],
  },
  {
    id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c58",
    name: "Diego",
    lastname: "Fernández",
    nickname: "Diego",
    email: "diego@callboard.example",
    phone: "+34910000100",
    language: "es-ES",
    voiceId: "diego-es",
    roleText: "Agente de soporte en español",
    jobDescriptions: "Atiende a clientes hispanohablantes.",
    baseInstructions: "Eres {{aiName}}. Ayuda a {{firstName}} en español.",
    initialMessage: "Hola {{firstName}}, soy {{aiName}}.",
    capabilities: ["spanish"],
    skills: ["4d3c2b1a-9e8f-4d7c-a6b5-4c3d2e1f0a95", "2b7e9c4d-5a6f-4e8d-b1c2-3d4e5f6a7b83"],
  },
  {
    id: "3f4e5d6c-7b8a-4c9d-ae0f-1a2b3c4d5e69",
    name: "Noah",
    lastname: "Kim",
    nickname: "Noah",
    email: "noah@callboard.example",
    phone: "+14155550104",
    active: false,
    voiceId: "noah-steady",
    roleText: "Technical support (on leave)",
    jobDescriptions: "First-line technical troubleshooting.",
    baseInstructions: "You are {{aiName}}, a patient technical support agent.",
    initialMessage: "Hi {{firstName}}, this is {{aiName}} from technical support.",
    capabilities: ["troubleshooting"],
    skills: ["2b7e9c4d-5a6f-4e8d-b1c2-3d4e5f6a7b83"],
  },
];

export async function seedDemoData() {
  for (const s of skills) {
    await db.skill.upsert({ where: { id: s.id }, create: s, update: {} });
  }
  for (const { skills: skillIds, capabilities, ...a } of agents) {
    const data = { ...a, capabilities: JSON.stringify(capabilities) };
    await db.agent.upsert({ where: { id: a.id }, create: data, update: {} });
    for (const skillId of skillIds) {
      await db.agentSkill.upsert({
        where: { agentId_skillId: { agentId: a.id, skillId } },
        create: { agentId: a.id, skillId },
        update: {},
      });
    }
  }
}
