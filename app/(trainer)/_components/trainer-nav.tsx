"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/dashboard", label: "Needs attention" },
  { href: "/athletes", label: "Athletes" },
  { href: "/exercises", label: "Exercises" },
  { href: "/templates", label: "Templates" },
];

export function TrainerNav({ isOwner }: { isOwner: boolean }) {
  const path = usePathname();
  const items = [
    ...links,
    ...(isOwner ? [{ href: "/settings", label: "Clinic settings" }] : [{ href: "/settings/tokens", label: "API tokens" }]),
    { href: "/settings/alert-emails", label: "Alert emails" },
  ];
  // the most specific link that matches is the current page (/settings/alert-emails is not "Clinic settings")
  const current = items
    .filter((l) => path === l.href || path.startsWith(`${l.href}/`))
    .reduce<string | null>((best, l) => (best === null || l.href.length > best.length ? l.href : best), null);
  return (
    // on a phone the links wrap onto a second line rather than scroll sideways (a cut-off
    // "Templates" was easy to miss)
    <nav aria-label="Main" className="px-2 pb-2 md:pb-0">
      <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
        {items.map((l) => {
          const active = l.href === current;
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
