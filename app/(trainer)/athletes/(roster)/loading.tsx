export default function LoadingRoster() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the roster…</p>
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="mt-6 h-12 animate-pulse rounded bg-slate-200" />
      <div className="mt-4 space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
