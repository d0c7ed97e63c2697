import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "./password";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("anything", "not a hash")).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("refuses short, overlong and common passwords and accepts a passphrase", () => {
    expect(passwordProblem("short")).toBe("tooShort");
    expect(passwordProblem("x".repeat(201))).toBe("tooLong");
    expect(passwordProblem("password")).toBe("common");
    expect(passwordProblem("Password1")).toBe("common");
    expect(passwordProblem("12345678")).toBe("common");
    expect(passwordProblem("lighthouse jiading 2024")).toBeNull();
    expect(passwordProblem("汽车论坛嘉定二零二四")).toBeNull();
    expect(passwordProblem("admin@forum.test", "Admin@forum.test")).toBe("common");
  });

  it("generates passwords that pass its own rules", () => {
    const password = generatePassword();
    expect(password).toHaveLength(16);
    expect(passwordProblem(password)).toBeNull();
  });
});
