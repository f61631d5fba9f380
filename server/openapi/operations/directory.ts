// Agents, skills, customers and the overview counters.
import type { z } from "zod";
import { directoryQuerySchema, idParamsSchema } from "@/lib/validation";
import { agentSchema, createAgentSchema, updateAgentSchema } from "@/server/agents/schema";
import { customerListQuerySchema, customerSchema } from "@/server/customers/schema";
import { createSkillSchema, skillSchema, updateSkillSchema } from "@/server/skills/schema";
import { analyticsQuerySchema, analyticsSchema, MAX_RANGE_DAYS } from "@/server/analytics/schema";
import { statsQuerySchema, statsSchema } from "@/server/stats/schema";
import type { Operation } from "../types";

/** GET/POST /{area} and GET/PUT/DELETE /{area}/{id} of a directory resource whose DELETE deactivates. */
function directory(
  area: string,
  tag: string,
  noun: string,
  schemas: { item: z.ZodType; create: z.ZodType; update: z.ZodType },
): Operation[] {
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  const base = `/api/v1/${area}`;
  const item = `${base}/{id}`;
  return [
    {
      method: "get",
      path: base,
      operationId: `list${Noun}s`,
      summary: `List ${noun}s`,
      tag,
      auth: "api",
      query: directoryQuerySchema,
      responses: { 200: { description: `One page of ${noun}s.`, body: schemas.item, list: true } },
    },
    {
      method: "post",
      path: base,
      operationId: `create${Noun}`,
      summary: `Create ${noun === "agent" ? "an" : "a"} ${noun}`,
      tag,
      auth: "api",
      body: schemas.create,
      responses: { 201: { description: `The new ${noun}.`, body: schemas.item } },
    },
    {
      method: "get",
      path: item,
      operationId: `get${Noun}`,
      summary: `Get ${noun === "agent" ? "an" : "a"} ${noun}`,
      tag,
      auth: "api",
      params: idParamsSchema,
      responses: { 200: { description: `The ${noun}.`, body: schemas.item } },
    },
    {
      method: "put",
      path: item,
      operationId: `update${Noun}`,
      summary: `Change ${noun === "agent" ? "an" : "a"} ${noun}`,
      tag,
      auth: "api",
      params: idParamsSchema,
      body: schemas.update,
      responses: { 200: { description: `The changed ${noun}.`, body: schemas.item } },
    },
    {
      method: "delete",
      path: item,
      operationId: `deactivate${Noun}`,
      summary: `Deactivate ${noun === "agent" ? "an" : "a"} ${noun}`,
      description: "Sets `active: false`; past interactions keep it.",
      tag,
      auth: "api",
      params: idParamsSchema,
      responses: { 200: { description: `The deactivated ${noun}.`, body: schemas.item } },
    },
  ];
}

export const directoryOperations: Operation[] = [
  ...directory("agents", "Agents", "agent", { item: agentSchema, create: createAgentSchema, update: updateAgentSchema }),
  ...directory("skills", "Skills", "skill", { item: skillSchema, create: createSkillSchema, update: updateSkillSchema }),
  {
    method: "get",
    path: "/api/v1/customers",
    operationId: "listCustomers",
    summary: "List customers",
    tag: "Customers",
    auth: "api",
    query: customerListQuerySchema,
    responses: { 200: { description: "One page of customers.", body: customerSchema, list: true } },
  },
  {
    method: "get",
    path: "/api/v1/customers/{id}",
    operationId: "getCustomer",
    summary: "Get a customer",
    description: "Their interactions: `GET /api/v1/calls?customerId=…`.",
    tag: "Customers",
    auth: "api",
    params: idParamsSchema,
    responses: { 200: { description: "The customer.", body: customerSchema } },
  },
  {
    method: "get",
    path: "/api/v1/stats",
    operationId: "getStats",
    summary: "Overview counters",
    description:
      "In progress now, the all-time total, and today's counts by status and channel. Today starts at `since`, " +
      "or local midnight for `tz` (minutes, as JavaScript's getTimezoneOffset), or UTC midnight.",
    tag: "Stats",
    auth: "api",
    query: statsQuerySchema,
    responses: { 200: { description: "The counters.", body: statsSchema } },
  },
  {
    method: "get",
    path: "/api/v1/analytics",
    operationId: "getAnalytics",
    summary: "Analytics over a range of days",
    description:
      "Interactions per day (per hour when `from` equals `to`) by channel and by status, success rate and sentiment " +
      "mix, duration median and p90 per channel, per-agent and per-skill tables with cost, time to first response " +
      `of inbound conversations, and the "needs a person" count. Days are counted in \`tz\` (default UTC); the ` +
      `range defaults to the last 7 days and covers at most ${MAX_RANGE_DAYS}.`,
    tag: "Stats",
    auth: "api",
    query: analyticsQuerySchema,
    responses: { 200: { description: "The aggregates.", body: analyticsSchema } },
  },
];
