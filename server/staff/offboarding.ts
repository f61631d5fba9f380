// When a person leaves (deactivated or removed), what they set up leaves with them, in the same
// transaction as the change itself: their API keys are revoked, their webhook endpoints stop receiving
// customer data (disabled, with the reason), and their sessions end. Reactivation restores none of it:
// they sign in again, and an admin re-enables the endpoints that should keep running.
import type { Tx } from "@/lib/db";
import { revokeApiKeysOwnedBy } from "@/server/api-keys/queries";
import { disableEndpointsOwnedBy } from "@/server/webhooks/queries";
import { deleteSessionsOf } from "./queries";

export type Leaver = { id: string; name: string; email: string };

/** Answers the ids of the revoked keys, for the caller to drop from the verification cache after commit. */
export async function endAccessOf(tx: Tx, person: Leaver, change: "deactivated" | "removed", at: Date): Promise<string[]> {
  const who = person.name ? `${person.name} (${person.email})` : person.email;
  await disableEndpointsOwnedBy(tx, person, `Its owner ${who} was ${change} on ${at.toISOString()}.`);
  await deleteSessionsOf(tx, person.id);
  return revokeApiKeysOwnedBy(tx, person, at);
}
