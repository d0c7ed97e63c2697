// For the tests: the article beside the project (../shared/source), found from any checkout depth.
import fs from "node:fs";
import path from "node:path";

const FILE = path.join("shared", "source", "china-auto-forum-2024.txt");

/** The text of the source article, looked for in each folder above this one. */
export function readArticle(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, FILE);
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate, "utf8");
    if (path.dirname(dir) === dir) throw new Error(`The source article ${FILE} was not found above ${import.meta.dirname}.`);
  }
}
