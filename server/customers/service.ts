// Customer reads for the API and dashboard.
import { notFound } from "@/lib/errors";
import { toIso } from "@/lib/time";
import type { DirectoryQuery } from "@/lib/validation";
import * as q from "./queries";
import type { CustomerDto } from "./schema";

export function toCustomer(row: q.CustomerRow): CustomerDto {
  const { _count, ...rest } = row;
  return { ...rest, interactionCount: _count.interactions, createdAt: toIso(row.createdAt), updatedAt: toIso(row.updatedAt) };
}

export async function listCustomers(query: DirectoryQuery) {
  const { rows, total } = await q.listCustomers(query);
  return { items: rows.map(toCustomer), total };
}

export async function getCustomer(id: string) {
  const row = await q.findCustomer(id);
  if (!row) throw notFound("Customer");
  return toCustomer(row);
}
