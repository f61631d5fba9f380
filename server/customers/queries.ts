// Prisma access for customers.
import { db, type Tx } from "@/lib/db";
import type { DirectoryQuery } from "@/lib/validation";
import type { CustomerIdentity } from "./schema";

const customerSelect = {
  id: true,
  name: true,
  firstName: true,
  lastName: true,
  phone: true,
  email: true,
  language: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { interactions: true } },
} as const;

export type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

function where(query: DirectoryQuery) {
  if (!query.q) return {};
  const q = query.q;
  return { OR: [{ name: { contains: q } }, { phone: { contains: q } }, { email: { contains: q.toLowerCase() } }] };
}

export async function listCustomers(query: DirectoryQuery) {
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where: where(query),
      select: customerSelect,
      orderBy: [{ updatedAt: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
    db.customer.count({ where: where(query) }),
  ]);
  return { rows, total };
}

export const findCustomer = (id: string) => db.customer.findUnique({ where: { id }, select: customerSelect });

/**
 * Finds the customer by phone, then by e-mail, filling in what they lacked; otherwise creates one.
 * Runs inside the Create Call transaction.
 */
export async function findOrCreateCustomer(tx: Tx, who: CustomerIdentity) {
  const match = [...(who.phone ? [{ phone: who.phone }] : []), ...(who.email ? [{ email: who.email }] : [])];
  const existing = match.length
    ? await tx.customer.findFirst({ where: { OR: match }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, phone: true, email: true, language: true } })
    : null;
  if (!existing) {
    const name = who.name || who.phone || who.email || "Web visitor";
    const created = await tx.customer.create({ data: { ...who, name }, select: { id: true } });
    return { id: created.id, name };
  }
  const fill = {
    ...(!existing.phone && who.phone && { phone: who.phone }),
    ...(!existing.email && who.email && { email: who.email }),
    ...(!existing.language && who.language && { language: who.language }),
  };
  // Only an e-mail or phone that no other customer holds can be filled in (both are unique).
  if (fill.email && (await tx.customer.count({ where: { email: fill.email } }))) delete fill.email;
  if (fill.phone && (await tx.customer.count({ where: { phone: fill.phone } }))) delete fill.phone;
  await tx.customer.update({
    where: { id: existing.id },
    // A name is only replaced by one the request actually gave.
    data: { ...fill, ...(who.name && { name: who.name, firstName: who.firstName, lastName: who.lastName }) },
  });
  return { id: existing.id, name: who.name || existing.name };
}
