// One error type for the whole service layer. Its code decides the HTTP status;
// the words shown are a message key with parameters, looked up in the
// `errors` catalogue (messages/<locale>/errors.json) in the asker's language
// when the error is answered. Internals are logged, never shown.
import { createTranslator } from "next-intl";
import { z } from "zod";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import zhErrors from "@/messages/zh-CN/errors.json";
import enErrors from "@/messages/en/errors.json";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  /** Two-factor is on for the account and the code is missing or wrong. */
  otp_required: 401,
  forbidden: 403,
  /** The account still holds a one-time password: it may only change it. */
  must_change_password: 403,
  /** The account's role requires two-factor sign-in and the account has not enrolled yet. */
  two_factor_required: 403,
  not_found: 404,
  conflict: 409,
  // Publishing or scheduling an issue that needs 签发 and has no valid signature.
  not_signed: 409,
  gone: 410,
  too_large: 413,
  invalid: 422,
  rate_limited: 429,
  /** The account (not the address) has failed to sign in too often. */
  locked: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** `"article.notFound"`: a message in the `errors` catalogue. The Chinese catalogue is the reference, so a key missing there does not compile. */
export type ErrorKey = {
  [G in keyof typeof zhErrors]: `${G & string}.${keyof (typeof zhErrors)[G] & string}`;
}[keyof typeof zhErrors];
/** A parameter is a value, or a message (or a list of them) said in the same language as the one around it. */
export type ErrorParams = Record<string, string | number | ErrorMessage | ErrorMessage[]>;
/** What an error says: a key, or a key with the parameters its message names (`msg("article.titleMaxLines", { max: 3 })`). */
export type ErrorMessage = ErrorKey | { key: ErrorKey; params?: ErrorParams };
export type FieldMessages = Record<string, ErrorMessage[]>;

export const msg = (key: ErrorKey, params?: ErrorParams): ErrorMessage => ({ key, params });

const CATALOGUES: Record<Locale, typeof zhErrors> = { "zh-CN": zhErrors, en: enErrors };
const translators = new Map<Locale, (key: string, params?: Record<string, string | number>) => string>();
function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({ locale, messages: { errors: CATALOGUES[locale] }, namespace: "errors" });
    t = (key, params) => translate(key as never, params as never);
    translators.set(locale, t);
  }
  return t;
}

/** The words of a message in a language. */
export function formatError(message: ErrorMessage, locale: Locale = DEFAULT_LOCALE): string {
  const { key, params } = typeof message === "string" ? { key: message, params: undefined } : message;
  const t = translator(locale);
  const flat =
    params &&
    Object.fromEntries(
      Object.entries(params).map(([name, v]) => [
        name,
        Array.isArray(v) ? v.map((m) => formatError(m, locale)).join(t("common.listSeparator")) : typeof v === "object" ? formatError(v, locale) : v,
      ]),
    );
  return t(key, flat);
}

// Chinese text → key, for texts written elsewhere in Chinese (zod schema messages,
// document validation): the catalogue entry with exactly that text gives its key.
let byChinese: Map<string, ErrorKey> | undefined;
// Messages with parameters that schemas name (schemaMessage): zod keeps only
// the words, so the words are remembered with the message they came from.
const bySchemaText = new Map<string, ErrorMessage>();

/**
 * A catalogue message as a zod schema's message: its Chinese words, which
 * `invalidInput` turns back into the message — parameters included — so the
 * 422 names it in the asker's language. For messages without parameters the
 * Chinese words alone do the same.
 */
export function schemaMessage(message: ErrorMessage): string {
  const text = formatError(message);
  bySchemaText.set(text, message);
  return text;
}

/** A message for a Chinese text: its catalogue key when the zh catalogue has the text, else shown as it is in every language. */
export function messageOfText(text: string): ErrorMessage {
  const named = bySchemaText.get(text);
  if (named) return named;
  if (!byChinese) {
    byChinese = new Map();
    for (const [group, entries] of Object.entries(zhErrors)) {
      for (const [name, zh] of Object.entries(entries as Record<string, string>)) {
        if (!/\{/.test(zh) && !byChinese.has(zh)) byChinese.set(zh, `${group}.${name}` as ErrorKey);
      }
    }
  }
  return byChinese.get(text) ?? msg("common.verbatim", { text });
}

export class AppError extends Error {
  /**
   * `message` and the `fields` messages are catalogue keys (with parameters);
   * `Error.message` holds the Chinese words, for logs and tests. `details` are
   * extra members of the JSON error, machine-readable (ids, a reason code).
   */
  constructor(
    public readonly code: ErrorCode,
    public readonly text: ErrorMessage,
    public readonly fieldTexts?: FieldMessages,
    public readonly details?: Record<string, unknown>,
  ) {
    super(formatError(text));
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** The field messages in Chinese. */
  get fields(): Record<string, string[]> | undefined {
    return this.localize().fields;
  }
  /** The message and the field messages in a language. */
  localize(locale: Locale = DEFAULT_LOCALE): { message: string; fields?: Record<string, string[]> } {
    const fields = this.fieldTexts && Object.fromEntries(Object.entries(this.fieldTexts).map(([f, ms]) => [f, ms.map((m) => formatError(m, locale))]));
    return { message: locale === DEFAULT_LOCALE ? this.message : formatError(this.text, locale), ...(fields ? { fields } : {}) };
  }
  /** Set by `authorize` on a 403: who was refused which permission, for the audit log (lib/audit/refusals.ts). */
  refusal?: { userId: number; permission: string };
}

/** The 422 for input that did not fit its schema: the field messages by field name (schema messages written in Chinese are looked up in the catalogue). */
export function invalidInput(error: z.ZodError, message: ErrorMessage = "api.requestInvalid", code: ErrorCode = "invalid"): AppError {
  const fields = z.flattenError(error).fieldErrors as Record<string, string[]>;
  // A field wrong in several places (two unknown roles in a list) says its message once.
  return new AppError(code, message, Object.fromEntries(Object.entries(fields).map(([f, texts]) => [f, [...new Set(texts)].map(messageOfText)])));
}

interface PgErrorLike {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** The PostgreSQL error under a Drizzle error, if any (both drivers wrap it in `cause`). */
export function pgError(e: unknown): PgErrorLike | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const c = cur as PgErrorLike & { cause?: unknown };
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    cur = c.cause;
  }
  return undefined;
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const pg = pgError(e);
  return pg?.code === "23505" && (!constraint || pg.constraint === constraint);
}
