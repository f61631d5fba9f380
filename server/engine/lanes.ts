// The engine's queue lanes. Work someone is waiting on goes first, and a lane is shared fairly between
// whoever fills it, so one integration's burst of 5,000 calls cannot hold back a staff member's single
// call, nor another integration's. claimDueJobs (queries.ts) orders due jobs by lane, then by how many
// jobs the same key has ahead of them (round robin), then by due time.
import type { Principal } from "@/server/auth/authenticate";

export const LANES = {
  /** A person is waiting: a staff member started it from the dashboard, or a customer wrote or called in. */
  interactive: 0,
  /** Created through the API, shared between credentials. */
  api: 1,
  /** Batch campaigns fill what is left. */
  batch: 2,
  /** Post-call analysis: after the end, nobody waits on it. */
  background: 3,
} as const;

/**
 * A job in the batch or background lane that has waited this long competes in the API lane, under its own
 * key, so nothing starves however busy the lanes above it are.
 */
export const PROMOTE_AFTER_MS = 60_000;

export type Lane = { lane: number; key: string | null };

/** The lane of an interaction created by this caller. */
export function laneOf(principal: Principal): Lane {
  return principal.kind === "staff"
    ? { lane: LANES.interactive, key: `staff:${principal.userId}` }
    : { lane: LANES.api, key: `api:${principal.credentialId}` };
}

export const INBOUND_LANE: Lane = { lane: LANES.interactive, key: "inbound" };
