// @ts-check
// What the test and benchmark scripts share: numbers from the environment, and running with a
// production server that must not outlive the script.

/**
 * A positive number from the environment, or the fallback; anything else stops the script.
 * @param {string} name
 * @param {number} fallback
 * @param {{ integer?: boolean }} [options]
 */
export function positiveNumber(name, fallback, { integer = false } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!(integer ? Number.isInteger(value) : Number.isFinite(value)) || value <= 0) {
    console.error(`${name} must be a positive ${integer ? "integer" : "number"}, got "${raw}".`);
    process.exit(2);
  }
  return value;
}

/**
 * A positive integer from the environment (a port, a count), or the fallback.
 * @param {string} name
 * @param {number} fallback
 */
export const positiveInteger = (name, fallback) => positiveNumber(name, fallback, { integer: true });

/** @typedef {import("./prod-server.mjs").ProductionServer} ProductionServer */

/** @param {ProductionServer} server */
function kill(server) {
  try {
    process.kill(server.detached ? -server.pid : server.pid, "SIGKILL");
  } catch {
    // gone
  }
}

/**
 * Runs `main` (which returns the exit code) and exits with it. The server (`currentServer()`, from
 * startProductionServer) leads its own process group, so a Ctrl-C here would not reach it: it is
 * killed on Ctrl-C, on SIGTERM and at the end.
 * @param {string} label
 * @param {() => Promise<number>} main
 * @param {() => ProductionServer | null | undefined} currentServer
 */
export async function runWithServer(label, main, currentServer) {
  for (const [signal, status] of /** @type {const} */ ([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ])) {
    process.on(signal, () => {
      const server = currentServer();
      if (server) kill(server);
      process.exit(status);
    });
  }
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(`${label} could not run: ${error instanceof Error ? error.stack : error}`);
  } finally {
    const server = currentServer();
    if (server && server.child.exitCode === null && server.child.signalCode === null) kill(server);
  }
  process.exit(code);
}
