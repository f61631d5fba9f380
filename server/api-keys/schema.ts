// API credentials as the dashboard manages them. The secret exists in plain text only in the create
// response; everything else (lists, single reads) carries no secret at all.
import { z } from "zod";
import { nonEmptyLine, pagingQuery } from "@/lib/validation";
import { creatorSchema } from "@/server/staff/schema";

export const createApiKeySchema = z.strictObject({
  name: nonEmptyLine(100, "name"),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyListQuerySchema = z.strictObject({ ...pagingQuery });
export type ApiKeyListQuery = z.infer<typeof apiKeyListQuerySchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: creatorSchema,
});
export type ApiKeyDto = z.infer<typeof apiKeySchema>;

/** The one response that shows the secret (`password`, the Basic password). */
export const createdApiKeySchema = apiKeySchema.extend({ password: z.string() });
export type CreatedApiKeyDto = z.infer<typeof createdApiKeySchema>;
