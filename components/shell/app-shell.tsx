// The dashboard frame: a sidebar on wide screens, a scrolling top bar on phones, and the page.
import Link from "next/link";
import type { ReactNode } from "react";
import type { StaffPrincipal } from "@/server/auth/session";
import { type NavItem, NavLinks } from "./nav-links";
import { ConnectionBanner } from "./connection-banner";
import { HandoffNotifier } from "./handoff-notifier";
import { SignOutButton } from "./sign-out-button";

const MAIN: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/calls", label: "Interactions" },
  { href: "/calls/new", label: "New interaction" },
  { href: "/batches", label: "Batches" },
  { href: "/analytics", label: "Analytics" },
  { href: "/customers", label: "Customers" },
  { href: "/agents", label: "Agents" },
  { href: "/skills", label: "Skills" },
  { href: "/knowledge", label: "Knowledge" },
];

function settingsFor(user: StaffPrincipal): NavItem[] {
  return [
    { href: "/settings/api-keys", label: "API keys" },
    { href: "/settings/webhooks", label: "Webhooks" },
    { href: "/settings/channels", label: "Channels" },
    { href: "/docs", label: "API docs" },
    ...(user.role === "admin" ? [{ href: "/settings/users", label: "Users" }] : []),
    { href: "/account", label: "Account" },
  ];
}

export function AppShell({ user, children }: { user: StaffPrincipal; children: ReactNode }) {
  const settings = settingsFor(user);
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="bg-slate-900 lg:fixed lg:inset-y-0 lg:flex lg:w-60 lg:flex-col">
        <div className="flex items-center justify-between px-4 py-3 lg:py-5">
          <Link href="/" className="text-lg font-semibold text-white focus-visible:outline-2 focus-visible:outline-indigo-400">
            Callboard
          </Link>
          <span className="text-xs text-slate-400 lg:hidden">{user.email}</span>
        </div>
        <nav
          aria-label="Main"
          className="overflow-x-auto px-2 pb-2 lg:flex lg:min-h-0 lg:flex-1 lg:flex-col lg:overflow-y-auto lg:overflow-x-hidden"
        >
          <NavLinks items={MAIN} className="flex gap-1 lg:flex-col" />
          <p className="mt-6 hidden px-3 text-xs font-semibold uppercase tracking-wide text-slate-400 lg:block">Settings</p>
          <NavLinks items={settings} className="mt-1 flex gap-1 lg:flex-col" />
          <div className="mt-auto hidden border-t border-slate-800 pt-3 lg:block">
            <HandoffNotifier />
            <p className="truncate px-3 text-sm text-white">{user.name || user.email}</p>
            <p className="truncate px-3 pb-1 text-xs text-slate-400">
              {user.email} · {user.role}
            </p>
            <SignOutButton />
          </div>
        </nav>
        <div className="flex justify-end px-2 pb-2 lg:hidden">
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:ml-60 lg:px-8">
        <ConnectionBanner />
        {children}
      </main>
    </div>
  );
}
