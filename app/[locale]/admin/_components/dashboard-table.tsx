type Props = { caption: string; headers: string[]; rows: (string | number)[][] };

/** The data behind a chart, exactly. */
export function DashboardTable({ caption, headers, rows }: Props) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-slate-600">
          {headers.map((h, i) => (
            <th key={h} scope="col" className={`pr-3 pb-1 ${i > 0 ? "text-right" : ""}`}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r} className="border-t border-slate-200">
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1 pr-3 font-normal">{cell}</th>
              ) : (
                <td key={i} className="py-1 pr-3 text-right tabular-nums">{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
