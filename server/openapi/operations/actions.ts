// Agent actions: the HTTP tools an agent's model may call, and the key their requests are signed with.
import { idParamsSchema } from "@/lib/validation";
import {
  actionParamsSchema,
  actionSchema,
  actionSecretSchema,
  createActionSchema,
  MAX_ACTIONS_PER_AGENT,
  updateActionSchema,
} from "@/server/actions/schema";
import { NO_STORE, type Operation } from "../types";

const list = "/api/v1/agents/{id}/actions";
const item = `${list}/{actionId}`;

export const actionOperations: Operation[] = [
  {
    method: "get",
    path: list,
    operationId: "listAgentActions",
    summary: "List an agent's actions",
    description: `Every action of the agent (at most ${MAX_ACTIONS_PER_AGENT}), by name; no paging.`,
    tag: "Agent actions",
    auth: "api",
    params: idParamsSchema,
    responses: { 200: { description: "The agent's actions.", body: actionSchema, list: true } },
  },
  {
    method: "post",
    path: list,
    operationId: "createAgentAction",
    summary: "Add an action to an agent",
    description:
      "The URL must resolve to public addresses only (422 on `url` otherwise). 409 when the agent already has an " +
      `action with this name, or ${MAX_ACTIONS_PER_AGENT} actions.`,
    tag: "Agent actions",
    auth: "api",
    params: idParamsSchema,
    body: createActionSchema,
    bodyExample: {
      name: "check_order",
      description: "Looks up an order's shipping status. Call it when the customer asks where their order is.",
      parameters: {
        type: "object",
        properties: { orderId: { type: "string", description: "The order number, e.g. A-1001" } },
        required: ["orderId"],
      },
      url: "https://crm.example.com/callboard/check-order",
      timeoutMs: 5000,
    },
    errors: [409],
    responses: { 201: { description: "The new action.", body: actionSchema } },
  },
  {
    method: "get",
    path: item,
    operationId: "getAgentAction",
    summary: "Get an action",
    tag: "Agent actions",
    auth: "api",
    params: actionParamsSchema,
    responses: { 200: { description: "The action.", body: actionSchema } },
  },
  {
    method: "put",
    path: item,
    operationId: "updateAgentAction",
    summary: "Change an action",
    description: "409 when the new name is another action's of this agent.",
    tag: "Agent actions",
    auth: "api",
    params: actionParamsSchema,
    body: updateActionSchema,
    errors: [409],
    responses: { 200: { description: "The changed action.", body: actionSchema } },
  },
  {
    method: "delete",
    path: item,
    operationId: "deleteAgentAction",
    summary: "Delete an action",
    tag: "Agent actions",
    auth: "api",
    params: actionParamsSchema,
    responses: { 204: { description: "Deleted." } },
  },
  {
    method: "get",
    path: "/api/v1/agents/{id}/actions-secret",
    operationId: "getAgentActionSecret",
    summary: "The agent's action signing secret",
    description:
      "The Standard Webhooks `whsec_` secret this agent's action requests are signed with (admins only). It is derived " +
      "from the app secret, so it changes only when APP_SECRET does.",
    tag: "Agent actions",
    auth: "admin",
    params: idParamsSchema,
    responses: { 200: { description: "The secret.", body: actionSecretSchema, headers: NO_STORE } },
  },
];
