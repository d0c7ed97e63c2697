/**
 * The secrets of private links (the manage link, the calendar feed) are never stored: the
 * database keeps a random seed and the SHA-256 of the token, and the token is derived from the
 * seed with a server secret kept outside the database. A leaked database or backup therefore
 * holds no working link, while an email written later (a promotion, a re-sent link) can still
 * carry the person's current link. SHA-256 without salt is enough for a 192-bit token: there is
 * nothing to guess.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";

/** "notices": the link in a change notice that stops them (lib/notices). */
export type LinkPurpose = "manage" | "calendar" | "notices";

/** 128 random bits, URL-safe: stored, useless without the server secret. */
export function newSeed(): string {
  return randomBytes(16).toString("base64url");
}

/** The token of a link: 192 bits of HMAC-SHA-256, 32 URL-safe characters like the tokens before. */
export function deriveToken(secret: Buffer, purpose: LinkPurpose, seed: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${seed}`).digest().subarray(0, 24).toString("base64url");
}

/** What the database stores and looks a token up by. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new link: the token to give out, and what to store. */
export function newLink(secret: Buffer, purpose: LinkPurpose): { token: string; seed: string; hash: string } {
  const seed = newSeed();
  const token = deriveToken(secret, purpose, seed);
  return { token, seed, hash: tokenHash(token) };
}
