// GET /api/v1/attachments/{id}: an inbound e-mail's attachment (a message's mediaUrl), always as a download.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { attachmentParamsSchema, getAttachment } from "@/server/transports/email/service";

export const GET = route({ auth: "api", params: attachmentParamsSchema }, async ({ params }) => {
  const file = await getAttachment(params.id);
  // The customer chose the file and its type: never let a browser render it on this origin.
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Content-Length": String(file.size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=3600",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
