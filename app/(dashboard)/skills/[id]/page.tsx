import type { Metadata } from "next";
import { SkillEditor } from "@/components/skills/skill-editor";

export const metadata: Metadata = { title: "Skill" };

export default async function SkillPage({ params }: { params: Promise<{ id: string }> }) {
  return <SkillEditor id={(await params).id} />;
}
