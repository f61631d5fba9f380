// Serving a recording: verify the URL token, limit how often one link is fetched, then find the WAV
// in the recording store, which synthesises it from the stored conversation on first use only.
import { env } from "@/lib/env";
import { ApiError, notFound } from "@/lib/errors";
import { verifyToken } from "@/lib/signing";
import { takeToken } from "@/server/auth/rate-limit";
import { wavChunks } from "@/server/channels/simulator/wav";
import { findRecordingSource } from "./queries";
import { storedRecording } from "./recording-store";
import { RECORDING_TOKEN_PURPOSE } from "./serialize";

/** Per link: whoever holds it may play and seek, not fetch it in a loop. */
function enforceLinkLimit(token: string) {
  const perMinute = env.RECORDING_RATE_LIMIT_PER_MINUTE;
  const wait = takeToken(`recording:${token}`, perMinute);
  if (wait > 0) {
    throw new ApiError(
      "rate_limited",
      `This recording link was requested more than ${perMinute} times in a minute. Retry after ${wait} s.`,
      { headers: { "Retry-After": String(wait) } },
    );
  }
}

/** The path of the call's WAV file, once the token is checked. */
export async function getRecordingFile(id: string, token: string | undefined): Promise<string> {
  if (!token) {
    throw new ApiError("unauthorized", "This recording link needs its token. Use the recordingUrl from the call object.");
  }
  const verdict = await verifyToken(RECORDING_TOKEN_PURPOSE, id, token);
  if (verdict === "expired") {
    throw new ApiError("forbidden", "This recording link has expired. Fetch the call again for a fresh recordingUrl.");
  }
  if (verdict !== "ok") throw new ApiError("forbidden", "This recording link is not valid.");
  enforceLinkLimit(token);
  return storedRecording(id, async () => {
    const source = await findRecordingSource(id);
    if (!source?.hasRecording) throw notFound("Recording");
    return wavChunks(source.durationSeconds ?? 1, source.messages);
  });
}
