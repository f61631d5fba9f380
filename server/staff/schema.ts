// Staff accounts as admins manage them. The forms on /settings/users use these schemas too.
import { z } from "zod";
import { nonEmptyLine, pagingQuery } from "@/lib/validation";
import { staffRoleSchema } from "@/server/auth/schema";

export const STAFF_PASSWORD_MIN = 12;

const staffEmail = () =>
  z
    .string({ message: "Enter an e-mail address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter an e-mail address.")
    .max(254, "The e-mail address must be at most 254 characters.")
    .pipe(z.email({ message: "Enter an e-mail address like name@example.com." }));

/** The one password rule, for initial, changed and reset passwords alike. */
const staffPassword = (missing: string) =>
  z
    .string({ message: missing })
    .min(STAFF_PASSWORD_MIN, `The password must be at least ${STAFF_PASSWORD_MIN} characters.`)
    .max(1000, "The password must be at most 1000 characters.");

export const createStaffUserSchema = z.strictObject({
  email: staffEmail(),
  name: nonEmptyLine(100, "name"),
  role: z.enum(["admin", "staff"], { message: "Choose admin or staff." }),
  password: staffPassword("Enter an initial password."),
});
export type CreateStaffUserInput = z.infer<typeof createStaffUserSchema>;

export const updateStaffUserSchema = z
  .strictObject({
    name: nonEmptyLine(100, "name").optional(),
    role: z.enum(["admin", "staff"], { message: "Choose admin or staff." }).optional(),
    active: z.boolean({ message: "active must be true or false." }).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change: name, role or active." });
export type UpdateStaffUserInput = z.infer<typeof updateStaffUserSchema>;

/** PUT /session/password: a signed-in person changes their own password; the current one proves it is them. */
export const changeOwnPasswordSchema = z.strictObject({
  currentPassword: z
    .string({ message: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(1000, "That password is too long."),
  newPassword: staffPassword("Enter a new password."),
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

/** PUT /users/{id}/password: an admin sets someone else's password (for a forgotten one). */
export const setStaffPasswordSchema = z.strictObject({ password: staffPassword("Enter a new password.") });
export type SetStaffPasswordInput = z.infer<typeof setStaffPasswordSchema>;

export const staffUserListQuerySchema = z.strictObject({ ...pagingQuery });
export type StaffUserListQuery = z.infer<typeof staffUserListQuerySchema>;

export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StaffUserDto = z.infer<typeof staffUserSchema>;

/** Who created an API key or webhook: null when nobody did (the bootstrap credential, or older than owners). */
export const creatorSchema = z
  .object({
    /** null once that person's account is removed; name and e-mail are as they were then. */
    id: z.string().nullable(),
    name: z.string(),
    email: z.string(),
  })
  .nullable();
export type CreatorDto = NonNullable<z.infer<typeof creatorSchema>>;
