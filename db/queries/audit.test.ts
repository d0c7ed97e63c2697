import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import { auditLog } from "../schema";
import { auditFor, forgetAuditDetails, recordAudit } from "./audit";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-audit-"));

beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  applyMigrations(getDb());
});
beforeEach(() => {
  getDb().delete(auditLog).where(eq(auditLog.id, auditLog.id)).run();
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("recordAudit", () => {
  it("records the actor, the action, the target and the details before and after", () => {
    getDb().transaction((tx) =>
      recordAudit(tx, { actor: "user:7", action: "move", entity: "session", entityId: 42, before: { roomId: 1 }, after: { roomId: 2, note: "中文" } }),
    );
    const rows = auditFor("session", 42);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "user:7", action: "move", entity: "session", entityId: 42, before: { roomId: 1 }, after: { roomId: 2, note: "中文" } });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("stores null for a target or details left out", () => {
    getDb().transaction((tx) => recordAudit(tx, { actor: "system", action: "export-csv", entity: "registration" }));
    expect(getDb().select().from(auditLog).all()).toEqual([
      expect.objectContaining({ actor: "system", action: "export-csv", entity: "registration", entityId: null, before: null, after: null }),
    ]);
  });

  it("lands with the change or not at all: a transaction rolled back leaves no row", () => {
    expect(() =>
      getDb().transaction((tx) => {
        recordAudit(tx, { actor: "user:1", action: "delete", entity: "speaker", entityId: 3 });
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(getDb().select().from(auditLog).all()).toEqual([]);
  });
});

describe("forgetAuditDetails", () => {
  it("blanks the details of one kind of row about one thing and keeps that it happened", () => {
    getDb().transaction((tx) => {
      recordAudit(tx, { actor: "attendee:A", action: "update", entity: "registration", entityId: 5, before: { email: "a@x" }, after: { email: "b@x" } });
      recordAudit(tx, { actor: "attendee:A", action: "cancel", entity: "registration", entityId: 5, before: { status: "confirmed" } });
      recordAudit(tx, { actor: "attendee:B", action: "update", entity: "registration", entityId: 6, after: { email: "c@x" } });
      forgetAuditDetails(tx, { entity: "registration", entityId: 5, action: "update" });
    });
    const five = auditFor("registration", 5);
    expect(five.find((r) => r.action === "update")).toMatchObject({ actor: "attendee:A", before: null, after: null });
    expect(five.find((r) => r.action === "cancel")?.before).toEqual({ status: "confirmed" });
    expect(auditFor("registration", 6)[0]?.after).toEqual({ email: "c@x" });
  });
});
