// Field-level zod building blocks shared by every input schema, so a phone or an e-mail is
// validated (and explained) the same way everywhere.
import { z } from "zod";

/** C0 controls except tab, newline and carriage return; DEL; and C1 controls. */
function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
const LINE_BREAKS = /[\r\n\u2028\u2029]/;

/** One line of text: no control characters, no line breaks. Stored exactly as sent. */
export const line = (max: number, label = "This field") =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((v) => !hasControlChars(v) && !LINE_BREAKS.test(v), {
      message: `${label} must be a single line without control characters.`,
    });

/** Multi-line text: newlines and tabs are fine, other control characters are not. */
export const text = (max: number, label = "This field") =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((v) => !hasControlChars(v), { message: `${label} must not contain control characters.` });

export const nonEmptyLine = (max: number, label = "This field") =>
  line(max, label).refine((v) => v.trim().length > 0, { message: `${label} must not be empty.` });

export const uuid = (label = "The id") =>
  z.uuid({ message: `${label} must be a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000.` });

export const E164 = /^\+[1-9]\d{6,14}$/;
export const phone = () => z.string().regex(E164, { message: "Enter the phone in international format, e.g. +14155550123." });

/** A Twilio Content SID: the approved WhatsApp template a conversation may open with. */
export const contentSid = () =>
  z.string().regex(/^HX[0-9a-fA-F]{32}$/, { message: "Enter the template's Content SID: HX followed by 32 hex digits." });

export const email = () =>
  z
    .string()
    .max(254, "The e-mail address must be at most 254 characters.")
    .pipe(z.email({ message: "Enter a valid e-mail address, e.g. jane@example.com." }));

export const language = () =>
  z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, { message: "Use a language tag such as en-US or de." });

export const httpUrl = (label = "The URL") =>
  z
    .string()
    .max(2048, `${label} must be at most 2048 characters.`)
    // The URL parser silently drops tabs, newlines and edge controls, so check the text as stored.
    .refine((v) => !hasControlChars(v) && !/\s/.test(v), {
      message: `${label} must not contain spaces, line breaks or control characters.`,
    })
    .pipe(z.url({ protocol: /^https?$/, message: `${label} must be an http(s) URL, e.g. https://example.com/a.png.` }));

export const finite = (min: number, max: number, label: string) =>
  z
    .number({ message: `${label} must be a number.` })
    .min(min, `${label} must be between ${min} and ${max}.`)
    .max(max, `${label} must be between ${min} and ${max}.`);

/** Query-string integers ("20" → 20), with a range. */
export const queryInt = (min: number, max: number, fallback: number, label: string) =>
  z.coerce
    .number({ message: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be between ${min} and ${max}.`)
    .max(max, `${label} must be between ${min} and ${max}.`)
    .default(fallback);

export const pagingQuery = {
  page: queryInt(1, 100_000, 1, "page"),
  limit: queryInt(1, 100, 20, "limit"),
};

/** Prisma skip/take for a page of a list query. */
export const pageArgs = (q: { page: number; limit: number }) => ({ skip: (q.page - 1) * q.limit, take: q.limit });

export const idParamsSchema = z.object({ id: uuid("The id in the path") });

/** The list query of agents, skills and customers: an optional active filter, a search, and paging. */
export const directoryQuerySchema = z.strictObject({
  active: z.enum(["true", "false"], { message: "active must be true or false." }).optional(),
  q: line(100, "q").optional(),
  ...pagingQuery,
});
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;
