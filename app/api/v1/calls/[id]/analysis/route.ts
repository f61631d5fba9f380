// PUT /api/v1/calls/{id}/analysis: a staff member (or an integration) corrects the post-call analysis;
// who corrected it and when are kept on it. Answers the call object.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { correctAnalysisSchema } from "@/server/analysis/schema";
import { correctAnalysis } from "@/server/analysis/service";
import { callIdParamsSchema } from "@/server/calls/schema";
import { getCall } from "@/server/calls/service";

export const PUT = route(
  { auth: "api", params: callIdParamsSchema, body: correctAnalysisSchema },
  async ({ params, body, auth }) => {
    await correctAnalysis(params.id, body, auth);
    return Response.json(await getCall(params.id));
  },
);

export const { GET, POST, PATCH, DELETE } = methodNotAllowed(["PUT"]);
