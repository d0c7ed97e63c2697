import { test } from "@playwright/test";

/**
 * One step of a test that walks through a longer journey: a named step in the report, and its time
 * on the console ("step … 2.3 s"), so that a test nearing its timeout shows which step grew.
 */
export async function timedStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  return test.step(title, async () => {
    const started = performance.now();
    try {
      return await body();
    } finally {
      console.log(`step "${test.info().title} › ${title}": ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });
}
