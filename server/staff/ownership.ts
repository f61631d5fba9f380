// Who owns API keys and webhook endpoints, and who may manage them: staff manage what they created,
// admins manage everything. An API key acts as the person who created it (with their current role);
// the bootstrap credential, which nobody created, acts as an admin (it comes from the operator).
import type { Principal } from "@/server/auth/authenticate";
import type { CreatorDto } from "./schema";

export type Actor = { userId: string | null; name: string; email: string; isAdmin: boolean };

export function actorOf(principal: Principal): Actor {
  if (principal.kind === "staff") {
    const { userId, name, email, role } = principal;
    return { userId, name, email, isAdmin: role === "admin" };
  }
  const { owner } = principal;
  if (owner) return { userId: owner.id, name: owner.name, email: owner.email, isAdmin: owner.role === "admin" };
  return { userId: null, name: "", email: "", isAdmin: true };
}

export const canManage = (actor: Actor, ownerId: string | null) =>
  actor.isAdmin || (actor.userId !== null && ownerId === actor.userId);

/** A Prisma filter for the rows the actor may see. */
export const visibleTo = (actor: Actor) => (actor.isAdmin ? {} : { createdById: actor.userId ?? "" });

/** The owner columns of a new row. Name and e-mail are copied so they outlive the account. */
export const ownerColumns = (actor: Actor) =>
  actor.userId ? { createdById: actor.userId, createdByName: actor.name, createdByEmail: actor.email } : {};

/** The owner columns to read with a row (the live account first, the copy once it is gone). */
export const ownerSelect = {
  createdById: true,
  createdByName: true,
  createdByEmail: true,
  createdBy: { select: { id: true, name: true, email: true } },
} as const;

type OwnerRow = {
  createdByName: string | null;
  createdByEmail: string | null;
  createdBy: { id: string; name: string; email: string } | null;
};

export function toCreator(row: OwnerRow): CreatorDto | null {
  if (row.createdBy) return row.createdBy;
  if (row.createdByEmail !== null) return { id: null, name: row.createdByName ?? "", email: row.createdByEmail };
  return null;
}
