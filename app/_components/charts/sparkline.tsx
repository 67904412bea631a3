/**
 * A tiny inline SVG of morning pain (0–10) over a few days; gaps stay gaps. The numbers are
 * repeated in an accessible label, so the picture is never the only way to read them.
 */
const round1 = (v: number) => Math.round(v * 10) / 10;

export function Sparkline({ points, width = 112, height = 28, label }: { points: { date: string; morningPain: number | null }[]; width?: number; height?: number; label: string }) {
  const n = points.length;
  // a tenth of a pixel is finer than any screen draws; longer numbers only lengthen the page
  const x = (i: number) => round1(n <= 1 ? width / 2 : 2 + (i * (width - 4)) / (n - 1));
  const y = (v: number) => round1(height - 2 - (v / 10) * (height - 4));
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.morningPain === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.morningPain).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const values = points.map((p) => (p.morningPain === null ? "–" : String(p.morningPain))).join(", ");
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${values}`} className="overflow-visible">
      <line x1={0} x2={width} y1={y(5)} y2={y(5)} stroke="#cbd5e1" strokeDasharray="2 2" />
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#0f766e" strokeWidth={1.5} />
      ))}
      {points.map((p, i) => (p.morningPain === null ? null : <circle key={p.date} cx={x(i)} cy={y(p.morningPain)} r={1.8} fill={p.morningPain > 5 ? "#b91c1c" : "#0f766e"} />))}
    </svg>
  );
}
