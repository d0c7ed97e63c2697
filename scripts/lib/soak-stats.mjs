// @ts-check
// Latencies, errors and the server's memory, as the soak benchmark collects and prints them.
import fs from "node:fs";
import { percentile } from "./percentile.mjs";


/** Requests of one kind (or sub-kind): latencies, errors by message with a first example. */
class Series {
  /** @type {number[]} */
  times = [];
  errors = 0;
  retried = 0;
  /** @type {Map<string, { count: number, example: unknown }>} */
  samples = new Map();
  /**
   * @param {number} ms
   * @param {string | null | undefined} error
   * @param {unknown} example
   * @param {boolean | undefined} retried
   */
  add(ms, error, example, retried) {
    this.times.push(ms);
    if (retried) this.retried++;
    if (!error) return;
    this.errors++;
    const seen = this.samples.get(error);
    if (seen) seen.count++;
    else this.samples.set(error, { count: 1, example });
  }
  summary() {
    const sorted = Float64Array.from(this.times).sort();
    const sum = this.times.reduce((a, b) => a + b, 0);
    return {
      count: sorted.length,
      mean: sorted.length ? sum / sorted.length : NaN,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
      errors: this.errors,
      retried: this.retried,
    };
  }
}

export class Stats {
  /** @type {Map<string, Series>} */
  kinds = new Map();
  /** @param {string} name */
  #series(name) {
    let series = this.kinds.get(name);
    if (!series) this.kinds.set(name, (series = new Series()));
    return series;
  }
  /**
   * One request of `kind`/`sub`: its time, and the error message if it counts as one.
   * @param {string} kind
   * @param {string} sub
   * @param {{ ms: number, error?: string | null, example?: unknown, retried?: boolean }} request
   */
  add(kind, sub, { ms, error, example, retried }) {
    this.#series(kind).add(ms, error, example, retried);
    this.#series(`${kind}/${sub}`).add(ms, error, example, retried);
    this.#series("all").add(ms, error, example, retried);
  }
  /** @param {string} name */
  get(name) {
    return this.kinds.get(name) ?? new Series();
  }
}

/**
 * Why an answer counts as an error: no answer (network error, timeout), a 5xx, a status other than
 * the one this request must get, or an answer that contradicts what the client knows (`problem`).
 * Null when it is as expected.
 * @param {{ status: number, error?: string }} answer
 * @param {number} expected
 * @param {string | null} [problem]
 */
export function errorOf(answer, expected, problem) {
  if (answer.status === 0) return `no answer (${answer.error})`;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (answer.status !== expected) return `HTTP ${answer.status} instead of ${expected}`;
  return problem ? `unexpected answer: ${problem}` : null;
}

// --- the server process ---------------------------------------------------------------------------

/**
 * Resident memory of a process and the processes under it, in bytes (VmRSS), or NaN once gone.
 * @param {number} pid
 */
export function rss(pid) {
  let total = 0;
  for (const member of family(pid)) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${member}/status`, "utf8"))?.[1];
      if (kb) total += Number(kb) * 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return total > 0 ? total : NaN;
}

/**
 * A process and every process under it: server.mjs and the server processes it starts (one per
 * core), whose memory and CPU time are the server's.
 * @param {number} pid
 * @returns {number[]}
 */
export function family(pid) {
  const members = [pid];
  for (let i = 0; i < members.length; i++) {
    try {
      const children = fs.readFileSync(`/proc/${members[i]}/task/${members[i]}/children`, "utf8").trim();
      if (children) members.push(...children.split(/\s+/).map(Number));
    } catch {
      // Gone meanwhile, or not Linux.
    }
  }
  return members;
}

/**
 * User + system CPU time so far of a process and the processes under it, in seconds (clock ticks
 * of 10 ms).
 * @param {number} pid
 */
export function cpuSeconds(pid) {
  let total = 0;
  let read = false;
  for (const member of family(pid)) {
    try {
      const fields = (fs.readFileSync(`/proc/${member}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / 100;
      read = true;
    } catch {
      // Gone meanwhile.
    }
  }
  return read ? total : NaN;
}

/**
 * Samples the server's RSS every second: the peak, one value per `every` seconds for the trend, and
 * the lowest over the last `every` seconds (the heap grows and shrinks with each major collection,
 * so a single sample can be anywhere in that saw-tooth; the low points show whether it climbs).
 * @param {number} pid
 * @param {number} every seconds
 */
export function memoryWatch(pid, every) {
  const started = Date.now();
  /** @type {Array<{ at: number, rss: number }>} */
  const trend = [];
  /** @type {Array<{ at: number, rss: number }>} */
  const recent = [];
  let peak = rss(pid);
  let nextMark = every;
  const timer = setInterval(() => {
    const value = rss(pid);
    if (value > peak) peak = value;
    const elapsed = (Date.now() - started) / 1000;
    recent.push({ at: elapsed, rss: value });
    while ((recent[0]?.at ?? Infinity) < elapsed - every) recent.shift();
    if (elapsed >= nextMark) {
      trend.push({ at: Math.round(elapsed), rss: value });
      nextMark += every;
    }
  }, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const value = rss(pid);
      if (value > peak) peak = value;
      const low = Math.min(value, ...recent.map((r) => r.rss).filter(Number.isFinite));
      return { peak, trend, low, window: every };
    },
  };
}

/** @param {number} bytes */
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/**
 * @param {number} value
 * @param {number} [digits]
 */
export const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
