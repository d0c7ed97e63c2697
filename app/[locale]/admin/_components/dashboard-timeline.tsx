type Point = { date: string; total: number; added: number };

type Props = { points: Point[]; label: string; formatDate: (date: string) => string };

const W = 640;
const H = 220;
const PAD = { left: 44, right: 16, top: 16, bottom: 40 };

/** Registrations over time: the running total as a line with each day's point and total printed. */
export function DashboardTimeline({ points, label, formatDate }: Props) {
  const max = Math.max(1, ...points.map((p) => p.total));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(" ");
  // Labels on every point would collide when there are many days: at most about eight.
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="w-full max-w-3xl text-xs">
      <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} stroke="#64748b" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} stroke="#64748b" />
      <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" className="fill-slate-700">{max}</text>
      <text x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end" className="fill-slate-700">0</text>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="2.5" className="text-brand-700" />
      {points.map((p, i) => (
        <g key={p.date}>
          <circle cx={x(i)} cy={y(p.total)} r="3.5" className="fill-brand-700" />
          {(i % every === 0 || i === points.length - 1) && (
            <>
              <text x={x(i)} y={y(p.total) - 8} textAnchor="middle" className="fill-slate-900 font-medium">{p.total}</text>
              <text x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle" className="fill-slate-700">{formatDate(p.date)}</text>
            </>
          )}
        </g>
      ))}
    </svg>
  );
}
