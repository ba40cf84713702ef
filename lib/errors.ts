// One error type for the whole service layer. Its code decides the HTTP status
// and the user-facing message; internals are logged, never shown.
import { z } from "zod";

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

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: Record<string, string[]>,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** Set by `authorize` on a 403: who was refused which permission, for the audit log (lib/audit/refusals.ts). */
  refusal?: { userId: number; permission: string };
}

export const notFound = (what = "内容") => new AppError("not_found", `${what}不存在`);

/** The 422 for input that did not fit its schema: the field messages by field name. */
export function invalidInput(error: z.ZodError, message = "请求内容无效", code: ErrorCode = "invalid"): AppError {
  return new AppError(code, message, z.flattenError(error).fieldErrors as Record<string, string[]>);
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
