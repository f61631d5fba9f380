// GET /api/v1/calls/{id}/recording?token=…: the WAV recording. Authorised by the signed, expiring
// token in recordingUrl instead of Basic credentials, so an <audio> element can open it.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema, recordingQuerySchema } from "@/server/calls/schema";
import { getRecording } from "@/server/calls/recording";

export const GET = route(
  { auth: "public", params: callIdParamsSchema, query: recordingQuerySchema },
  async ({ params, query }) => {
    const { id } = params;
    const wav = await getRecording(id, query.token);
    const disposition = query.download !== undefined ? "attachment" : "inline";
    return new Response(new Uint8Array(wav), {
      headers: {
        "Content-Type": "audio/wav",
        "Content-Length": String(wav.length),
        "Content-Disposition": `${disposition}; filename="callboard-${id}.wav"`,
        "Cache-Control": "private, max-age=3600",
      },
    });
  },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
