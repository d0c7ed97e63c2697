// @ts-check
// How a script that tests the server from outside (durability, drain, abuse) says how much it
// checked: a closing line for people, and for `npm test` a JSON file at CHECKS_FILE, so that a run
// that checked nothing cannot pass as one that checked everything.
import fs from "node:fs";

/**
 * @param {string} name
 * @param {{ checks: number, failed: number }} counts
 */
export function reportChecks(name, { checks, failed }) {
  console.log(`${name}: ${checks} checks, ${failed} failed${checks === 0 ? " (it checked nothing: a failure)" : ""}`);
  if (process.env.CHECKS_FILE) fs.writeFileSync(process.env.CHECKS_FILE, JSON.stringify({ name, checks, failed }));
}

/** @param {string} file */
export function readChecks(file) {
  try {
    const value = JSON.parse(fs.readFileSync(file, "utf8"));
    return Number.isInteger(value?.checks) && Number.isInteger(value?.failed)
      ? { checks: value.checks, failed: value.failed }
      : undefined;
  } catch {
    return undefined;
  }
}
