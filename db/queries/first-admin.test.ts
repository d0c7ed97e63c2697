import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databasePath } from "../client";
import { withSeededDatabase } from "../test-support";
import { ensureFirstAdmin, listUsers } from "./users";

withSeededDatabase("first-admin");

describe("the first admin", () => {
  it("without ADMIN_EMAIL, has an address no one can guess, printed and written beside the password", async () => {
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;
    const log: string[] = [];
    await ensureFirstAdmin((line) => log.push(line));
    const [admin] = listUsers();
    expect(admin?.email).toMatch(/^admin-[0-9a-f]{10}@forum\.local$/);
    expect(admin?.mustChangePassword).toBe(true);
    const [email, password] = fs.readFileSync(path.join(path.dirname(databasePath()), "admin-password.txt"), "utf8").split("\n");
    expect(email).toBe(admin?.email);
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(log.join("\n")).toContain(`${admin?.email} / ${password}`);
    // Once there is a user, nothing more is created.
    await ensureFirstAdmin(() => undefined);
    expect(listUsers()).toHaveLength(1);
  }, 30_000);
});
