/**
 * How many password hashes run at once in this process. A scrypt hash takes 128 MiB and a few
 * hundred ms of a libuv thread, and libuv has four threads for all of Node's file and crypto work:
 * unbounded, a burst of sign-ins would hold all of them and the server's memory. So at most
 * `concurrency` hashes run; up to `queue` more wait their turn in order; beyond that a sign-in is
 * answered at once that the server is busy (a 429: try again in a moment). Hashes of the console's
 * own work (a new user, a reset, a password change) always wait their turn rather than fail.
 */
export const BUSY = Symbol("busy");

export type HashGate = {
  /** Runs `task` when a slot is free, however long the wait. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Runs `task` when a slot is free, or answers BUSY at once if the queue is full. */
  tryRun<T>(task: () => Promise<T>): Promise<T | typeof BUSY>;
  /** Hashes running and waiting now. */
  load(): { running: number; waiting: number };
};

export function createHashGate({ concurrency, queue }: { concurrency: number; queue: number }): HashGate {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  async function enter(): Promise<void> {
    if (running < concurrency) {
      running += 1;
      return;
    }
    // The slot of the task that finishes passes straight to the next in line: `running` stays.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  async function run<T>(task: () => Promise<T>): Promise<T> {
    await enter();
    try {
      return await task();
    } finally {
      release();
    }
  }

  return {
    run,
    tryRun(task) {
      if (running >= concurrency && waiting.length >= queue) return Promise.resolve(BUSY);
      return run(task);
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}

// One gate per process, whichever bundle (each route is bundled on its own) asks for it.
const KEY = Symbol.for("forum.passwordHashGate");
type Holder = { [KEY]?: HashGate };

/** The process's gate: two hashes at a time (leaving libuv threads for files), sixteen waiting. */
export function hashGate(): HashGate {
  return ((globalThis as Holder)[KEY] ??= createHashGate({ concurrency: 2, queue: 16 }));
}
