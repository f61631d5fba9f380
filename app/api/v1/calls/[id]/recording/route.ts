// GET /api/v1/calls/{id}/recording?token=…: the WAV recording, with Range support for seeking.
// Authorised by the signed, expiring token in recordingUrl instead of Basic credentials, so an
// <audio> element can open it.
import { fileResponse } from "@/lib/file-response";
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema, recordingQuerySchema } from "@/server/calls/schema";
import { getRecordingFile } from "@/server/calls/recording";

export const GET = route(
  { auth: "public", params: callIdParamsSchema, query: recordingQuerySchema },
  async ({ req, params, query }) => {
    const file = await getRecordingFile(params.id, query.token);
    const disposition = query.download !== undefined ? "attachment" : "inline";
    return fileResponse(req, file, {
      "Content-Type": "audio/wav",
      "Content-Disposition": `${disposition}; filename="callboard-${params.id}.wav"`,
      "Cache-Control": "private, max-age=3600",
    });
  },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
