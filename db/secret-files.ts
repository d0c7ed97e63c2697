import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath, ensureDataFolder } from "./client";

const cache = new Map<string, Buffer>();

/**
 * A secret from the environment, or else from a file beside the database, created on first use
 * with mode 0600 so that it survives restarts.
 */
export function secret(name: "TICKET_SECRET" | "AUTH_SECRET" | "MANAGE_SECRET"): Buffer {
  const cached = cache.get(name);
  if (cached) return cached;
  let value = process.env[name];
  if (!value) {
    const file = path.join(path.dirname(databasePath()), name.toLowerCase().replace(/_/g, "-"));
    try {
      value = fs.readFileSync(file, "utf8").trim();
    } catch {
      value = randomBytes(32).toString("base64url");
      ensureDataFolder(path.dirname(file));
      // Written whole under a name of its own, then linked into place: the server runs several
      // processes, and one must never read the file half written by another (an empty secret).
      const draft = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(draft, value + "\n", { mode: 0o600 });
      try {
        fs.linkSync(draft, file);
        console.log(`${name} was not set: generated one in ${file} (mode 0600).`);
      } catch {
        // Another process put one there first: use theirs.
        value = fs.readFileSync(file, "utf8").trim();
      } finally {
        fs.rmSync(draft, { force: true });
      }
    }
  }
  const buffer = Buffer.from(value);
  cache.set(name, buffer);
  return buffer;
}
