// One way to write an API route: a definition that names the method, path,
// who may call it, what it takes (path, query, body — zod schemas) and what
// it answers, with its handler. The same definition serves the request
// (lib/api/handler.ts: who is asking first, then what they sent) and writes
// the OpenAPI document (lib/api/openapi.ts), so the document cannot drift
// from what the routes accept. Definitions live in lib/api/routes/*.ts; each
// app/api/v1/…/route.ts file only exports their handlers.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { can, authorize, type Permission, type Viewer } from "@/lib/auth/permissions";
import { AppError, invalidInput, type ErrorKey } from "@/lib/errors";
import { handleApi, readJsonValue } from "./handler";
import { readUpload } from "./upload";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A JSON body with its own size cap (bytes), checked before it is parsed. */
export interface JsonBody<B extends z.ZodType> {
  schema: B;
  maxBytes: number;
  /** Sent with the 422 when the body does not fit (the field messages come from the schema). */
  invalidMessage?: ErrorKey;
  /** Whether an empty body is allowed (read as `{}`). */
  optional?: boolean;
}

/** A multipart upload in the field `file`. */
export interface UploadBody {
  upload: true;
  maxBytes: () => number;
  description: string;
}

export interface RouteContext<P, Q, B> {
  request: Request;
  viewer: Viewer;
  params: P;
  query: Q;
  body: B;
  upload: { bytes: Uint8Array; name: string } | null;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteDefinition<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** OpenAPI form: `/api/v1/articles/{id}`. */
  path: `/api/v1/${string}`;
  summary: string;
  tag: string;
  /** `public`: no sign-in, the session is not even looked up. `signed-in`: a session cookie or a bearer token. */
  access: "public" | "signed-in";
  /** Whether an account still holding a one-time password may call it (only the password change). */
  whilePasswordChangeRequired?: boolean;
  /** Whether an account that must still enrol in two-factor may call it (the enrolment, the password change). */
  whileEnrolmentRequired?: boolean;
  /**
   * Checked before the body is read: the viewer needs one of these. The
   * service checks the exact scope (own unit, any) again; this only keeps
   * "who is asking" before "what they sent".
   */
  permission?: Permission | readonly Permission[];
  /** Path parameters; a value that does not fit answers 404 with `notFound`. */
  params?: P;
  notFound?: ErrorKey;
  query?: Q;
  /** What a query that does not fit answers (422 "查询参数无效" unless said). */
  queryInvalid?: { code: "bad_request" | "invalid"; message: ErrorKey };
  body?: B extends z.ZodType ? JsonBody<B> : UploadBody;
  /** Success status (200 unless said). */
  status?: 200 | 201;
  /** What a success answers: a schema, or a media type for files. */
  response: z.ZodType | { mediaType: string; description: string };
  /** The error statuses this route can answer besides 400/401/500 (documented). */
  errors?: readonly (401 | 403 | 404 | 409 | 410 | 413 | 422 | 429)[];
  handler: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>;
}

/** Identity with inference: the handler's params, query and body are typed from the schemas. */
export function defineRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  def: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> {
  return def;
}

// Definitions are heterogeneous; the registry stores them erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any>;

const isUpload = (body: AnyRoute["body"]): body is UploadBody => Boolean(body && "upload" in body);

/** The Next.js route handler for a definition. */
export function routeHandler(def: AnyRoute) {
  return handleApi<Record<string, string>>(
    async ({ request, params: rawParams, viewer }) => {
      const permissions = def.permission === undefined ? [] : typeof def.permission === "string" ? [def.permission] : def.permission;
      if (permissions.length && !permissions.some((p: Permission) => can(viewer, p))) authorize(viewer, permissions[0]!);
      let params: unknown = rawParams;
      if (def.params) {
        const parsed = def.params.safeParse(rawParams);
        if (!parsed.success) throw new AppError("not_found", def.notFound ?? "common.notFound");
        params = parsed.data;
      }
      let query: unknown = undefined;
      if (def.query) {
        const search = new URL(request.url).searchParams;
        // The first value of a repeated parameter, as URLSearchParams.get gives it.
        const parsed = def.query.safeParse(Object.fromEntries([...new Set(search.keys())].map((k) => [k, search.get(k)])));
        if (!parsed.success) throw invalidInput(parsed.error, def.queryInvalid?.message ?? "api.queryInvalid", def.queryInvalid?.code ?? "invalid");
        query = parsed.data;
      }
      let body: unknown = undefined;
      let upload: RouteContext<unknown, unknown, unknown>["upload"] = null;
      if (isUpload(def.body)) {
        upload = await readUpload(request, def.body.maxBytes());
      } else if (def.body) {
        const spec = def.body as JsonBody<z.ZodType>;
        const empty = spec.optional && Number(request.headers.get("content-length") ?? 0) === 0 && !request.headers.get("transfer-encoding");
        const value = empty ? {} : await readJsonValue(request, spec.maxBytes);
        const parsed = spec.schema.safeParse(value);
        if (!parsed.success) throw invalidInput(parsed.error, spec.invalidMessage);
        body = parsed.data;
      }
      const result = await def.handler({ request, viewer, params, query, body, upload });
      if (result instanceof Response) return result;
      return def.status && def.status !== 200 ? NextResponse.json(result, { status: def.status }) : result;
    },
    { auth: def.access !== "public", whilePasswordChangeRequired: def.whilePasswordChangeRequired, whileEnrolmentRequired: def.whileEnrolmentRequired },
  );
}

/** `/api/v1/articles/{id}` → a matcher for `/api/v1/articles/12`. */
export function pathPattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);
}

/** A positive whole number in a path segment (an id), as a number. */
export const idParam = z.string().regex(/^\d{1,9}$/).transform(Number);
