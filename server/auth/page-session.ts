// Dashboard pages call this from their layout: it returns the signed-in staff member, or redirects to
// the sign-in page with a `next` that brings them back (proxy.ts passes the requested path along).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER, SESSION_COOKIE } from "@/lib/dashboard-protocol";
import { findSessionPrincipal, type StaffPrincipal } from "./session";

export async function requirePageSession(): Promise<StaffPrincipal> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const principal = await findSessionPrincipal(token);
  if (principal) return principal;
  const path = (await headers()).get(REQUESTED_PATH_HEADER) ?? "/";
  redirect(`/sign-in?next=${encodeURIComponent(path)}`);
}

/** A page only admins may see: others get the overview. */
export async function requireAdminPage(): Promise<StaffPrincipal> {
  const principal = await requirePageSession();
  if (principal.role !== "admin") redirect("/");
  return principal;
}
