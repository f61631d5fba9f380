import type { Metadata } from "next";
import { SkillsList } from "@/components/skills/skills-list";
import { savedIdFrom } from "@/components/ui/saved-id";

export const metadata: Metadata = { title: "Skills" };

export default async function SkillsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  return <SkillsList savedId={savedIdFrom((await searchParams).saved)} />;
}
