"use client";
// The chat pages share the dashboard's root layout, which writes <html lang="en">. Once the chat knows
// its language (and its agent), the document says so too; the tab then reads "Chat with Ava".
import { useEffect } from "react";

export function useDocumentLanguage(lang: string, title?: string) {
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
