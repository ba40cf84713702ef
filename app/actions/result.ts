// The typed result every workspace server action returns, shown next to the fields.
import { AppError } from "@/lib/errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** An AppError becomes a result the form can show; anything else is a real failure and is rethrown. */
export function failure(e: unknown): { ok: false; message: string; fieldErrors?: Record<string, string[]> } {
  if (e instanceof AppError) return { ok: false, message: e.message, fieldErrors: e.fields };
  throw e;
}
