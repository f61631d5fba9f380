// The stored analysis (JSON on the interaction) as the call object carries it.
import { analysisSchema, type Analysis } from "./schema";

const storedSchema = analysisSchema.omit({ simulated: true });

/** Null while the interaction is live (and for interactions that ended before analysis existed). */
export function toAnalysis(json: string | null, simulated: boolean): Analysis | null {
  if (!json) return null;
  const parsed = storedSchema.safeParse(JSON.parse(json));
  return parsed.success ? { ...parsed.data, simulated } : null;
}
