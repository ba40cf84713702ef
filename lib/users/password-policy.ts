// Password rules (等保 身份鉴别 a, issue 21): at least 8 characters with three
// of upper, lower, digit and symbol — or at least 12 of anything; never one of
// the 10,000 most common passwords; never containing the e-mail's local part
// or the person's name. Each refusal names its rule (`rule` on the 422).
import { dictionary } from "@zxcvbn-ts/language-common";

export type PasswordRule = "length" | "classes" | "common" | "personal";

export const PASSWORD_RULES: Record<PasswordRule, string> = {
  length: "密码至少 8 位",
  classes: "少于 12 位的密码须含大写字母、小写字母、数字、符号中的至少三类(或使用 12 位以上的密码)",
  common: "该密码属于最常见的 10,000 个密码之一，请另选",
  personal: "密码不能包含邮箱用户名或姓名",
};

export const MIN_LENGTH = 8;
export const LONG_LENGTH = 12;
export const COMMON_COUNT = 10_000;

// The common-password list: the first 10,000 of `passwords-common` in
// @zxcvbn-ts/language-common (ranked by frequency in leaked password sets;
// the package is maintained and is what zxcvbn-ts itself uses). Lower case.
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"].slice(0, COMMON_COUNT)));

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** How many of the four character classes (upper, lower, digit, symbol) a password uses. */
export function characterClasses(password: string): number {
  return [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(password)).length;
}

/** The first rule a password breaks, or null. `who` adds the personal rule. */
export function passwordRuleBroken(password: string, who?: { email?: string | null; name?: string | null }): PasswordRule | null {
  if ([...password].length < MIN_LENGTH) return "length";
  if ([...password].length < LONG_LENGTH && characterClasses(password) < 3) return "classes";
  if (isCommonPassword(password)) return "common";
  const lower = password.toLowerCase();
  const local = who?.email?.split("@")[0]?.trim().toLowerCase();
  const name = who?.name?.replace(/\s+/g, "").toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return "personal";
  if (name && [...name].length >= 2 && lower.includes(name)) return "personal";
  return null;
}
