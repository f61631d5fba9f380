// A message's delivery status only moves forward: providers' callbacks arrive late, twice or out of order
// (Twilio documents all three), and a "sent" arriving after "delivered" must change nothing.
const RANK: Record<string, number> = {
  queued: 0,
  accepted: 0,
  scheduled: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  // Final failures outrank everything but a read receipt: a message can be reported delivered and then
  // undelivered (a carrier's late verdict), never the other way round.
  undelivered: 3.5,
  failed: 3.5,
};

export const OUTGOING_STATUSES = Object.keys(RANK);

/** Whether a message at `current` may take `next`. Unknown statuses never overwrite known ones. */
export function movesForward(current: string, next: string): boolean {
  const to = RANK[next];
  if (to === undefined) return false;
  const from = RANK[current];
  return from === undefined || to > from;
}
