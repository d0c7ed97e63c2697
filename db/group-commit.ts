import { attemptTransaction, BUSY, getDb, lockTimeout, retrySoon, type Tx, WAIT_FOR_LOCK_MS } from "./client";

/**
 * Group commit: the writes that requests of this process ask for while a turn of the event loop
 * goes by are run together in one immediate transaction, and committed (one fsync) together.
 *
 * Every commit waits for the disk (`synchronous = FULL`): about 1.5 ms here, during which the
 * process does nothing else, and the write lock is held against every other process. Under a
 * burst of registrations that wait, once per registration, was the whole server's limit. Grouped,
 * the wait is paid once per group.
 *
 * Each write runs in a savepoint of its own, in the order asked, and sees the writes before it, as
 * separate transactions would: one that throws is rolled back alone and its caller gets the error;
 * the others commit. A caller's promise settles only after the commit, so an answer never reports
 * what the disk does not hold yet. If the commit itself fails, every caller of the group gets the
 * error and nothing of the group was saved.
 *
 * While another server process holds the write lock, the group does not block this process: it
 * tries again in a moment (db/client.ts `attempt`), and the requests read meanwhile join it. A
 * blocking wait held both cores' worth of requests behind one lock: the waiting process could
 * not even read the next request while the other one's commit reached the disk.
 */
type Pending = {
  work: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** When it was asked for: past WAIT_FOR_LOCK_MS without the lock, it fails as busy. */
  since: number;
};

const KEY = Symbol.for("forum.groupCommit");
type State = { queue: Pending[]; scheduled: boolean };

function state(): State {
  const holder = globalThis as { [KEY]?: State };
  return (holder[KEY] ??= { queue: [], scheduled: false });
}

/** Runs `work` in the next group's transaction; resolves with what it returned, once committed. */
export function inNextCommit<T>(work: (tx: Tx) => T): Promise<T> {
  const s = state();
  return new Promise<T>((resolve, reject) => {
    s.queue.push({ work, resolve: resolve as (value: unknown) => void, reject, since: Date.now() });
    if (!s.scheduled) {
      s.scheduled = true;
      // After the current turn's I/O callbacks: the requests read together are written together.
      setImmediate(flush);
    }
  });
}

/** How many writes one transaction takes at most, so that no caller waits behind a huge group. */
export const MAX_GROUP = 64;

/**
 * While another process holds the write lock, the group waits without blocking this process
 * (db/client.ts `attempt`): the requests that arrive meanwhile join it, up to MAX_GROUP.
 */
function flush(): void {
  const s = state();
  const group = s.queue.slice(0, MAX_GROUP);
  if (!group.length) {
    s.scheduled = false;
    return;
  }
  let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] | typeof BUSY;
  try {
    outcomes = attemptTransaction(getDb(), (tx) =>
      group.map(({ work }) => {
        try {
          return { ok: true as const, value: tx.transaction((savepoint) => work(savepoint)) };
        } catch (error) {
          return { ok: false as const, error };
        }
      }),
    );
  } catch (error) {
    outcomes = group.map(() => ({ ok: false as const, error }));
  }
  if (outcomes === BUSY) {
    if (Date.now() - group[0]!.since <= WAIT_FOR_LOCK_MS) return retrySoon(flush);
    const error = lockTimeout();
    outcomes = group.map(() => ({ ok: false as const, error }));
  }
  s.queue.splice(0, group.length);
  if (s.queue.length) setImmediate(flush);
  else s.scheduled = false;
  const settled = outcomes;
  group.forEach((pending, i) => {
    const outcome = settled[i]!;
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  });
}
