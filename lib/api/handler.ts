// Route handlers stay thin: who is asking → parse → service → JSON. Errors
// become {"error": {code, message, fields}} with the right status; internals
// are logged, never shown.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, pgError, invalidInput, type ErrorKey } from "@/lib/errors";
import { localeOfRequest } from "@/i18n/locales";
import type { Viewer } from "@/lib/auth/permissions";
import { getRequestViewer } from "@/lib/auth/viewer";
import { clientAddress, userAgentOf } from "@/lib/auth/client-address";
import { recordRefusal } from "@/lib/audit/refusals";
import { readBodyCapped } from "./body";

export interface ApiContext<P> {
  request: Request;
  params: P;
  viewer: Viewer;
}

/** The JSON error, its words in the asker's language (`localeOfRequest`: the locale cookie, else Accept-Language). */
export function errorResponse(e: AppError, request: Request): NextResponse {
  const { message, fields } = e.localize(localeOfRequest(request.headers));
  return NextResponse.json(
    { error: { code: e.code, message, ...(fields ? { fields } : {}), ...(e.details ?? {}) } },
    { status: e.status },
  );
}

/**
 * PostgreSQL data exceptions (SQLSTATE class 22) that a value sent by the client
 * causes when validation let it through: bad input, so 422 and never a 500.
 * Both drivers put the code on the error Drizzle wraps (`pgError` unwraps it).
 */
const DATA_ERROR_REASONS: Record<string, ErrorKey> = {
  "22001": "api.dataTooLong", // string_data_right_truncation
  "22003": "api.dataOutOfRange", // numeric_value_out_of_range
  "22007": "api.dataDateFormat", // invalid_datetime_format
  "22008": "api.dataDateRange", // datetime_field_overflow
  "22021": "api.dataEncoding", // character_not_in_repertoire: invalid UTF-8, NUL
  "22P02": "api.dataFormat", // invalid_text_representation
  "22P05": "api.dataUnstorable", // untranslatable_character: \u0000 in jsonb
};

/** The 422 for a PostgreSQL data error anywhere in `e`'s cause chain, or null. */
export function dataErrorToAppError(e: unknown): AppError | null {
  const code = pgError(e)?.code;
  const reason = code ? DATA_ERROR_REASONS[code] : undefined;
  return reason ? new AppError("invalid", reason) : null;
}

export const mustChangePassword = () => new AppError("must_change_password", "api.mustChangePassword");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A cookie-authenticated write must come from our own origin (CSRF); bearer tokens are not sent by browsers on their own. */
function checkSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) throw new AppError("forbidden", "api.crossSite");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "api.crossSite");
  }
  if (originHost !== host) throw new AppError("forbidden", "api.crossSite");
}

/** The wrapper every route handler runs in (route definitions use it through lib/api/route.ts). */
export function handleApi<P = Record<string, string>>(
  handler: (ctx: ApiContext<P>) => Promise<Response | unknown>,
  options: { auth?: boolean; whilePasswordChangeRequired?: boolean; whileEnrolmentRequired?: boolean } = { auth: true },
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let viewer: Viewer = { kind: "anonymous" };
    try {
      const params = await context.params;
      if (options.auth !== false) {
        const resolved = await getRequestViewer(request);
        viewer = resolved.viewer;
        // Readers never write: a signed-out write is refused before its body is even read.
        if (viewer.kind === "anonymous" && !SAFE_METHODS.has(request.method)) throw new AppError("unauthorized", "common.signInFirst");
        if (resolved.via === "session" && !SAFE_METHODS.has(request.method)) checkSameOrigin(request);
        if (resolved.readOnly && !SAFE_METHODS.has(request.method)) throw new AppError("forbidden", "api.readOnlyToken");
        // A one-time password is for choosing one's own and nothing else (等保 身份鉴别):
        // such an account reaches no API but the password change, by cookie or by token.
        if (viewer.kind === "user" && viewer.mustChangePassword && !options.whilePasswordChangeRequired) throw mustChangePassword();
        // Likewise an account whose role requires two-factor reaches only the enrolment until it has enrolled.
        if (viewer.kind === "user" && viewer.twoFactorEnrolmentRequired && !options.whileEnrolmentRequired) {
          throw new AppError("two_factor_required", "api.twoFactorRequired");
        }
      }
      const result = await handler({ request, params, viewer });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      if (e instanceof AppError) {
        // Every 403 to a signed-in user is in the audit log (等保 安全审计).
        if (e.status === 403 && viewer.kind === "user") {
          await recordRefusal(e, {
            userId: viewer.id,
            channel: "api",
            method: request.method,
            path: new URL(request.url).pathname,
            ip: clientAddress(request.headers),
            userAgent: userAgentOf(request.headers),
          });
        }
        return errorResponse(e, request);
      }
      if (e instanceof z.ZodError) {
        return errorResponse(invalidInput(e), request);
      }
      const dataError = dataErrorToAppError(e);
      if (dataError) {
        console.warn("[api]", request.method, new URL(request.url).pathname, `data error ${pgError(e)?.code} answered 422`);
        return errorResponse(dataError, request);
      }
      console.error("[api]", request.method, new URL(request.url).pathname, e);
      return errorResponse(new AppError("internal", "common.internal"), request);
    }
  };
}

/** For routes outside /api/v1 (the e2e hook): the same wrapper. */
export const apiRoute = handleApi;

/** Reads a JSON value: 400 when it is not JSON, 413 when it is larger than `maxBytes`. */
export async function readJsonValue(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyCapped(request, maxBytes, () => new AppError("too_large", "api.bodyTooLarge"));
  // Invalid UTF-8 becomes U+FFFD, as Request.text() would make it.
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "api.notJson");
  }
}

/** Reads a JSON body: 400 when it is not JSON, 413 when it is too large, 422 when it does not fit the schema. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = 256 * 1024): Promise<z.infer<T>> {
  const value = await readJsonValue(request, maxBytes);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalidInput(parsed.error, "api.requestInvalid");
  }
  return parsed.data;
}
