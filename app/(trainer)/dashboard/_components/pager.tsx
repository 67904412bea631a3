import Link from "next/link";

const linkClass = "rounded-md border border-slate-400 bg-white px-3 py-1.5 font-semibold text-slate-800 hover:bg-slate-100";
const offClass = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-500";

/** Previous / next page links (URLs, so they work without JavaScript), with where we are. */
export function Pager({ label, page, pages, href }: { label: string; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1 && page <= 1) return null;
  const last = Math.max(pages, 1);
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, last))} className={linkClass} rel="prev">
          Previous page
        </Link>
      ) : (
        <span className={offClass}>
          Previous page
        </span>
      )}
      <span className="px-2">
        Page {page} of {last}
      </span>
      {page < last ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Next page
        </Link>
      ) : (
        <span className={offClass}>
          Next page
        </span>
      )}
    </nav>
  );
}
