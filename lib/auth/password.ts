import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { isCommonPassword } from "./common-passwords";
import { BUSY, hashGate } from "./hash-gate";

/**
 * scrypt with OWASP's parameters (N = 2^17, r = 8, p = 1: 128 MiB and a few hundred ms per
 * hash), stored with its parameters so that they can be raised later without breaking old hashes.
 */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export const PASSWORD_MIN = 8;
/** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
export const PASSWORD_MAX = 200;

function scrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number }) {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await hashGate().run(() => scrypt(password, salt, PARAMS));
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether the password matches the stored hash; waits its turn at the hash gate. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  return hashGate().run(() => check(password, stored));
}

/** As verifyPassword, or BUSY at once when too many hashes are running and waiting (a sign-in). */
export async function verifyPasswordUnlessBusy(password: string, stored: string): Promise<boolean | typeof BUSY> {
  return hashGate().tryRun(() => check(password, stored));
}

export { BUSY };

async function check(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that matches nothing, verified against when the email is unknown so both take as long. */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

export type PasswordProblem = "tooShort" | "tooLong" | "common";

/** Why a new password is refused, or null. Length counts characters, not bytes. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "tooShort";
  if (length > PASSWORD_MAX) return "tooLong";
  const lower = password.toLowerCase();
  if (isCommonPassword(lower)) return "common";
  if (email && lower === email.trim().toLowerCase()) return "common";
  return null;
}

/** A password handed out once (first admin, new users, resets): 16 characters of base64url. */
export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}
