import { z } from "zod";

/** The `saved` search parameter a form adds when it sends the user back to a list, if it is an id. */
export function savedIdFrom(value: string | string[] | undefined): string | undefined {
  return z.uuid().safeParse(value).success ? (value as string) : undefined;
}
