import { describe, expect, it } from "vitest";
import { manageToken } from "../registration/codes";
import { bearerToken, sameSecret } from "./auth";

describe("bearerToken", () => {
  const token = manageToken();

  it("reads a bearer token", () => {
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token} `)).toBe(token);
  });

  it("refuses a missing or malformed header", () => {
    for (const header of [
      null,
      "",
      "Bearer",
      "Bearer ",
      token,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token} x`,
      "Bearer short",
      `Bearer ${"!".repeat(32)}`,
    ]) {
      expect(bearerToken(header), String(header)).toBeNull();
    }
  });
});

describe("sameSecret", () => {
  it("is true only for the same secret", () => {
    const token = manageToken();
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(token, manageToken())).toBe(false);
    expect(sameSecret(token, token.slice(1))).toBe(false);
    expect(sameSecret(token, `${token}A`)).toBe(false);
  });
});
