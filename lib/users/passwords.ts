import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";

/** bcrypt's work factor for the passwords of a real installation. */
export const PASSWORD_COST = 10;
/**
 * bcrypt's minimum, for test processes only: an end-to-end test server (one
 * started with CMS_E2E_HOOK_TOKEN, lib/e2e/hook.ts) and Vitest's workers and
 * the CLI processes they start (VITEST, set by Vitest) — neither variable
 * exists in production. At cost 10 bcrypt in JavaScript was 9 % of the test
 * server's CPU over the whole suite (35 s of sign-ins, tokens and accounts)
 * and 16 of Vitest's 180 busy CPU seconds (demo accounts, sign-ins); the
 * code path is the same, and cost 10 itself is tested in passwords.test.ts.
 */
export const TEST_SERVER_PASSWORD_COST = 4;

export function passwordCost(env: Record<string, string | undefined> = process.env): number {
  return env.CMS_E2E_HOOK_TOKEN || env.VITEST ? TEST_SERVER_PASSWORD_COST : PASSWORD_COST;
}

export const hashPassword = (password: string) => bcrypt.hash(password, passwordCost());
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** A readable random password (no look-alike characters). */
export function randomPassword(length = 14): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
