// The change-password form: the API's own changeOwnPasswordSchema, plus the new password typed twice
// (a typo would otherwise lock the person out). Only the API's two fields are sent.
import { z } from "zod";
import { changeOwnPasswordSchema } from "@/server/staff/schema";

export const changePasswordFormSchema = changeOwnPasswordSchema
  .extend({ repeatPassword: z.string() })
  .refine((v) => v.repeatPassword === v.newPassword, {
    path: ["repeatPassword"],
    message: "The two new passwords are not the same.",
  });
export type ChangePasswordFormValues = z.infer<typeof changePasswordFormSchema>;
