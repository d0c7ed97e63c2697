import { getDb, type Tx } from "./client";

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
 */
type Pending = { work: (tx: Tx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

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
    s.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!s.scheduled) {
      s.scheduled = true;
      // After the current turn's I/O callbacks: the requests read together are written together.
      setImmediate(flush);
    }
  });
}

/** How many writes one transaction takes at most, so that no caller waits behind a huge group. */
export const MAX_GROUP = 64;

function flush(): void {
  const s = state();
  const group = s.queue.splice(0, MAX_GROUP);
  s.scheduled = s.queue.length > 0;
  if (s.scheduled) setImmediate(flush);
  let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[];
  try {
    outcomes = getDb().transaction(
      (tx) =>
        group.map(({ work }) => {
          try {
            return { ok: true as const, value: tx.transaction((savepoint) => work(savepoint)) };
          } catch (error) {
            return { ok: false as const, error };
          }
        }),
      { behavior: "immediate" },
    );
  } catch (error) {
    for (const pending of group) pending.reject(error);
    return;
  }
  group.forEach((pending, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  });
}
