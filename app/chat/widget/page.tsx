// /chat/widget?agentId=…&skillId=…&lang=…: the page inside the web chat widget's iframe (public/widget.js
// creates it). Open without a session and framable by the sites WEBCHAT_ALLOWED_ORIGINS allows (proxy.ts).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { languageTag, preferredLanguage } from "@/components/chat/lang";
import { WidgetView } from "@/components/chat/widget-view";

export const metadata: Metadata = { title: "Chat", robots: { index: false, follow: false } };

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function WidgetPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  return (
    <WidgetView
      agentId={one(search.agentId)}
      skillId={one(search.skillId)}
      hostLang={languageTag(one(search.lang))}
      browserLang={preferredLanguage((await headers()).get("accept-language"))}
    />
  );
}
