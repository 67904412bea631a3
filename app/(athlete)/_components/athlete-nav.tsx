"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/today", label: "Today" },
  { href: "/program", label: "Program" },
  { href: "/progress", label: "Progress" },
  { href: "/history", label: "History" },
  { href: "/shoes", label: "Shoes" },
];

/** Bottom navigation sized for thumbs on a 375 px phone. */
export function AthleteNav() {
  const path = usePathname();
  return (
    <nav aria-label="Main" className="no-print fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-xl">
        {links.map((l) => {
          const active = path === l.href || path.startsWith(`${l.href}/`);
          return (
            <li key={l.href} className="flex-1">
              <Link
                href={l.href}
                aria-current={active ? "page" : undefined}
                className={`block py-3 text-center text-sm font-semibold ${active ? "text-brand-700" : "text-slate-700"}`}
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
