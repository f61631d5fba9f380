// /sign-in: the only dashboard page open without a session.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SESSION_COOKIE } from "@/lib/dashboard-protocol";
import { publicUrl } from "@/lib/env";
import { safeReturnPath } from "@/lib/return-path";
import { findSessionPrincipal } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const next = safeReturnPath((await searchParams).next, publicUrl());
  if (await findSessionPrincipal((await cookies()).get(SESSION_COOKIE)?.value)) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold tracking-tight">Sign in to Callboard</h1>
        <p className="mt-1 text-center text-sm text-slate-600">Create and watch AI-agent interactions.</p>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm next={next} />
        </div>
      </div>
    </main>
  );
}
