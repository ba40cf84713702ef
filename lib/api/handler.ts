// Route handlers stay thin: who is asking → parse → service → JSON. Errors
// become {"error": {code, message, fields}} with the right status; internals
// are logged, never shown.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, pgError, invalidInput } from "@/lib/errors";
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

export function errorResponse(e: AppError): NextResponse {
  return NextResponse.json(
    { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(e.details ?? {}) } },
    { status: e.status },
  );
}

/**
 * PostgreSQL data exceptions (SQLSTATE class 22) that a value sent by the client
 * causes when validation let it through: bad input, so 422 and never a 500.
 * Both drivers put the code on the error Drizzle wraps (`pgError` unwraps it).
 */
const DATA_ERROR_REASONS: Record<string, string> = {
  "22001": "文本超过允许的长度", // string_data_right_truncation
  "22003": "数值超出允许的范围", // numeric_value_out_of_range
  "22007": "日期或时间的格式无效", // invalid_datetime_format
  "22008": "日期或时间超出允许的范围", // datetime_field_overflow
  "22021": "文本含有无效的字符编码或 NUL 字符", // character_not_in_repertoire: invalid UTF-8, NUL
  "22P02": "值的格式无效", // invalid_text_representation
  "22P05": "文本含有无法保存的字符(如 NUL)", // untranslatable_character: \u0000 in jsonb
};

/** The 422 for a PostgreSQL data error anywhere in `e`'s cause chain, or null. */
export function dataErrorToAppError(e: unknown): AppError | null {
  const code = pgError(e)?.code;
  const reason = code ? DATA_ERROR_REASONS[code] : undefined;
  return reason ? new AppError("invalid", `请求内容无效:${reason}`) : null;
}

export const mustChangePassword = () => new AppError("must_change_password", "请先修改一次性密码:在修改密码页面或通过 POST /api/v1/auth/password 设置自己的密码");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A cookie-authenticated write must come from our own origin (CSRF); bearer tokens are not sent by browsers on their own. */
function checkSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) throw new AppError("forbidden", "跨站请求被拒绝");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "跨站请求被拒绝");
  }
  if (originHost !== host) throw new AppError("forbidden", "跨站请求被拒绝");
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
        if (viewer.kind === "anonymous" && !SAFE_METHODS.has(request.method)) throw new AppError("unauthorized", "请先登录");
        if (resolved.via === "session" && !SAFE_METHODS.has(request.method)) checkSameOrigin(request);
        if (resolved.readOnly && !SAFE_METHODS.has(request.method)) throw new AppError("forbidden", "只读令牌只能读取(GET)，不能修改");
        // A one-time password is for choosing one's own and nothing else (等保 身份鉴别):
        // such an account reaches no API but the password change, by cookie or by token.
        if (viewer.kind === "user" && viewer.mustChangePassword && !options.whilePasswordChangeRequired) throw mustChangePassword();
        // Likewise an account whose role requires two-factor reaches only the enrolment until it has enrolled.
        if (viewer.kind === "user" && viewer.twoFactorEnrolmentRequired && !options.whileEnrolmentRequired) {
          throw new AppError("two_factor_required", "您的角色须使用两步验证:请先在“两步验证”页面或通过 POST /api/v1/auth/2fa/setup 启用");
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
        return errorResponse(e);
      }
      if (e instanceof z.ZodError) {
        return errorResponse(invalidInput(e, "请求内容无效"));
      }
      const dataError = dataErrorToAppError(e);
      if (dataError) {
        console.warn("[api]", request.method, new URL(request.url).pathname, `data error ${pgError(e)?.code} answered 422`);
        return errorResponse(dataError);
      }
      console.error("[api]", request.method, new URL(request.url).pathname, e);
      return errorResponse(new AppError("internal", "服务器内部错误"));
    }
  };
}

/** For routes outside /api/v1 (the e2e hook): the same wrapper. */
export const apiRoute = handleApi;

/** Reads a JSON value: 400 when it is not JSON, 413 when it is larger than `maxBytes`. */
export async function readJsonValue(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyCapped(request, maxBytes, () => new AppError("too_large", "请求内容过大"));
  // Invalid UTF-8 becomes U+FFFD, as Request.text() would make it.
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "请求内容不是有效的 JSON");
  }
}

/** Reads a JSON body: 400 when it is not JSON, 413 when it is too large, 422 when it does not fit the schema. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = 256 * 1024): Promise<z.infer<T>> {
  const value = await readJsonValue(request, maxBytes);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalidInput(parsed.error, "请求内容无效");
  }
  return parsed.data;
}
