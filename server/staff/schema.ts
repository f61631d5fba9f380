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

export const createStaffUserSchema = z.strictObject({
  email: staffEmail(),
  name: nonEmptyLine(100, "name"),
  role: z.enum(["admin", "staff"], { message: "Choose admin or staff." }),
  password: z
    .string({ message: "Enter an initial password." })
    .min(STAFF_PASSWORD_MIN, `The password must be at least ${STAFF_PASSWORD_MIN} characters.`)
    .max(1000, "The password must be at most 1000 characters."),
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
