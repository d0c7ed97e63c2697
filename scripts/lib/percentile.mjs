// @ts-check
// The one percentile every benchmark and test script reports.

/**
 * The nearest-rank percentile of an ascending list: the smallest value that at least p percent of
 * the values do not exceed. NaN for an empty list, so that a run without answers cannot pass a
 * "p99 under N ms" target by accident.
 * @param {ArrayLike<number>} sorted ascending
 * @param {number} p from 0 to 100
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return /** @type {number} */ (sorted[Math.min(sorted.length, rank) - 1]);
}

/**
 * Sorts a copy of `values` and reads the percentiles asked for.
 * @template {number} P
 * @param {Iterable<number>} values
 * @param {readonly P[]} ps
 * @returns {Record<`p${P}`, number>}
 */
export function percentiles(values, ps) {
  const sorted = Float64Array.from(values).sort();
  return /** @type {Record<`p${P}`, number>} */ (Object.fromEntries(ps.map((p) => [`p${p}`, percentile(sorted, p)])));
}
