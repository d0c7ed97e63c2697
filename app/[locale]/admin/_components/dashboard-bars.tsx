export type Bar = {
  label: string;
  value: number;
  /** A second figure drawn hatched after the first (waiting list, bookings beyond...). */
  extra?: number;
  /** What the bar is measured against (capacity, seat limit), drawn as an outline. */
  of?: number;
  /** The printed text after the bar: the numbers, never colour alone. */
  text: string;
};

type Props = { bars: Bar[]; label: string };

const ROW = 34;
const LABEL = 180;
const WIDTH = 640;
const TEXT = 170;

/** Horizontal bars with their labels and numbers printed; the hatched part reads without colour. */
export function DashboardBars({ bars, label }: Props) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.of ?? 0, b.value + (b.extra ?? 0))));
  const span = WIDTH - LABEL - TEXT;
  const x = (n: number) => (n / max) * span;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`} role="img" aria-label={label} className="w-full max-w-3xl text-sm">
      <defs>
        <pattern id="dashboard-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#334155" strokeWidth="2" />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        return (
          <g key={b.label}>
            <text x={0} y={y + 18} className="fill-slate-800">{b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}</text>
            {b.of !== undefined && <rect x={LABEL} y={y + 2} width={x(b.of)} height={ROW - 10} fill="none" stroke="#475569" strokeDasharray="4 3" />}
            <rect x={LABEL} y={y + 4} width={x(b.value)} height={ROW - 14} className="fill-brand-700" />
            {b.extra ? <rect x={LABEL + x(b.value)} y={y + 4} width={x(b.extra)} height={ROW - 14} fill="url(#dashboard-hatch)" stroke="#334155" /> : null}
            <text x={WIDTH - TEXT + 8} y={y + 18} className="fill-slate-900 font-medium">{b.text}</text>
          </g>
        );
      })}
    </svg>
  );
}
