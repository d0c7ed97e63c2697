// @ts-check
// What the test and benchmark scripts share: numbers from the environment, and running with a
// production server that must not outlive the script.

/** A positive number from the environment, or the fallback; anything else stops the script. */
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

export const positiveInteger = (name, fallback) => positiveNumber(name, fallback, { integer: true });

function kill(server) {
  try {
    process.kill(-server.pid, "SIGKILL");
  } catch {
    // gone
  }
}

/**
 * Runs `main` (which returns the exit code) and exits with it. The server (`currentServer()`, from
 * startProductionServer) leads its own process group, so a Ctrl-C here would not reach it: it is
 * killed on Ctrl-C, on SIGTERM and at the end.
 */
export async function runWithServer(label, main, currentServer) {
  for (const [signal, status] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ]) {
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
    console.error(`${label} could not run: ${error?.stack ?? error}`);
  } finally {
    const server = currentServer();
    if (server && server.child.exitCode === null && server.child.signalCode === null) kill(server);
  }
  process.exit(code);
}
