// Customers: the people Callboard's agents talk to. Created implicitly by Create Call.
import { z } from "zod";
import { directoryQuerySchema } from "@/lib/validation";

/** The list query: a search and paging (customers have no active flag). */
export const customerListQuerySchema = directoryQuerySchema.omit({ active: true });

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  language: z.string().nullable(),
  interactionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerDto = z.infer<typeof customerSchema>;

/** Who the customer of a new interaction is, after customerOverride and the flat fields are merged. */
export type CustomerIdentity = {
  /** Empty when the request gave no name. */
  name: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  language: string | null;
};
