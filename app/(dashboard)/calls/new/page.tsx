// /calls/new: start an interaction. ?from=<callId> repeats a past one (the form starts prefilled).
import type { Metadata } from "next";
import { CreateCallPage } from "@/components/calls/create-form/create-call-page";

export const metadata: Metadata = { title: "New interaction" };

export default async function NewCallPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const from = (await searchParams).from;
  return <CreateCallPage from={Array.isArray(from) ? from[0] : from} />;
}
