// Inputs and outputs of dashboard sign-in. The sign-in page's form uses signInSchema too.
import { z } from "zod";

export const signInSchema = z.strictObject({
  email: z
    .string({ message: "Enter your e-mail address." })
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(254, "That e-mail address is too long.")
    .email("Enter an e-mail address like name@example.com."),
  password: z.string({ message: "Enter your password." }).min(1, "Enter your password.").max(1000, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const staffRoleSchema = z.enum(["admin", "staff"]);

/** The signed-in staff member, as GET /api/v1/session returns it. */
export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
