// @ts-check
import os from "node:os";

/**
 * WEB_CONCURRENCY: how many server processes; one per core when unset.
 * @param {string | undefined} [value]
 * @param {number} [cores]
 */
export function processCount(value = process.env.WEB_CONCURRENCY, cores = os.availableParallelism()) {
  if (value === undefined || value.trim() === "") return cores;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > 256) {
    throw new Error(`WEB_CONCURRENCY must be a whole number of processes from 1 to 256, not "${value}".`);
  }
  return n;
}

