import { describe, expect, it } from "vitest";
import { BUSY, createHashGate } from "./hash-gate";

/** A task that finishes when told to, and records how many ran at once. */
function tasks() {
  let active = 0;
  let peak = 0;
  const finishers: Array<() => void> = [];
  const task = () =>
    new Promise<string>((resolve) => {
      active += 1;
      peak = Math.max(peak, active);
      finishers.push(() => {
        active -= 1;
        resolve("done");
      });
    });
  return { task, finishers, peak: () => peak };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("hash gate", () => {
  it("runs at most `concurrency` tasks at once, queues a few, and answers the rest busy at once", async () => {
    const gate = createHashGate({ concurrency: 2, queue: 3 });
    const { task, finishers, peak } = tasks();
    const results = Array.from({ length: 10 }, () => gate.tryRun(task));
    await tick();
    expect(gate.load()).toEqual({ running: 2, waiting: 3 });
    const settled = await Promise.race([Promise.all(results.slice(5)), tick().then(() => "pending")]);
    expect(settled).toEqual(Array(5).fill(BUSY));
    while (finishers.length) {
      finishers.shift()!();
      await tick();
    }
    expect(await Promise.all(results.slice(0, 5))).toEqual(Array(5).fill("done"));
    expect(peak()).toBe(2);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("run waits its turn however long the queue", async () => {
    const gate = createHashGate({ concurrency: 1, queue: 0 });
    const { task, finishers, peak } = tasks();
    const results = Array.from({ length: 4 }, () => gate.run(task));
    await tick();
    expect(gate.load()).toEqual({ running: 1, waiting: 3 });
    expect(await gate.tryRun(task)).toBe(BUSY);
    while (finishers.length) {
      finishers.shift()!();
      await tick();
    }
    expect(await Promise.all(results)).toEqual(Array(4).fill("done"));
    expect(peak()).toBe(1);
  });

  it("frees the slot of a task that fails", async () => {
    const gate = createHashGate({ concurrency: 1, queue: 0 });
    await expect(gate.run(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await gate.tryRun(async () => "ok")).toBe("ok");
  });
});
