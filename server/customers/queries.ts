// Prisma access for customers.
import { containsText, db } from "@/lib/db";
import { type DirectoryQuery, pageArgs } from "@/lib/validation";

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
  return { OR: [{ name: containsText(q) }, { phone: containsText(q) }, { email: containsText(q) }] };
}

export async function listCustomers(query: DirectoryQuery) {
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where: where(query),
      select: customerSelect,
      orderBy: [{ updatedAt: "desc" }],
      ...pageArgs(query),
    }),
    db.customer.count({ where: where(query) }),
  ]);
  return { rows, total };
}

export const findCustomer = (id: string) => db.customer.findUnique({ where: { id }, select: customerSelect });
