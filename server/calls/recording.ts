// Serving a recording: verify the URL token, then synthesise the WAV from the stored conversation.
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/errors";
import { verifyToken } from "@/lib/signing";
import { synthesizeRecording } from "@/server/channels/simulator/wav";
import { RECORDING_TOKEN_PURPOSE } from "./serialize";

export async function getRecording(id: string, token: string | undefined): Promise<Buffer> {
  if (!token) {
    throw new ApiError("unauthorized", "This recording link needs its token. Use the recordingUrl from the call object.");
  }
  const verdict = await verifyToken(RECORDING_TOKEN_PURPOSE, id, token);
  if (verdict === "expired") {
    throw new ApiError("forbidden", "This recording link has expired. Fetch the call again for a fresh recordingUrl.");
  }
  if (verdict !== "ok") throw new ApiError("forbidden", "This recording link is not valid.");
  const row = await db.interaction.findUnique({
    where: { id },
    select: {
      hasRecording: true,
      durationSeconds: true,
      messages: { select: { sender: true, content: true }, orderBy: { seq: "asc" } },
    },
  });
  if (!row?.hasRecording) throw notFound("Recording");
  return synthesizeRecording(row.durationSeconds ?? 1, row.messages);
}
