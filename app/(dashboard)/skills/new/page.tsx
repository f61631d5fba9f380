import type { Metadata } from "next";
import { NewSkill } from "@/components/skills/skill-editor";

export const metadata: Metadata = { title: "New skill" };

export default function NewSkillPage() {
  return <NewSkill />;
}
