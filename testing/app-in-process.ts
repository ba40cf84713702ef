// The app in this process, for Vitest db tests that drive it as a client
// would, without a server: the API's route handlers (lib/api/registry.ts)
// called with a Request, and the pages of app/ — found by their folders as
// Next finds them, inside their layouts — rendered to HTML by React's own
// server renderer, in a Next request scope with the caller's cookie
// (testing/next-request.ts). What only Next's server adds (its scripts and
// the RSC payload, headers, the reader front's cache) is not here: the
// end-to-end specs check that over HTTP and in Chromium.
import fs from "node:fs";
import path from "node:path";
import { createElement, type ComponentType, type ReactNode } from "react";
import { prerender } from "react-dom/static";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { API_ROUTES } from "@/lib/api/registry";
import { routeHandler } from "@/lib/api/route";
import { inRequest } from "./next-request";

const ORIGIN = "http://localhost";

/** What a test reads of an answer: the subset of Playwright's APIResponse the XSS tests use. */
export interface Answer {
  status(): number;
  headers(): Record<string, string>;
  text(): Promise<string>;
  json(): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- as Playwright's
  body(): Promise<Buffer>;
}

async function answer(res: Response): Promise<Answer> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries([...res.headers].map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status: () => res.status,
    headers: () => headers,
    text: async () => bytes.toString("utf8"),
    json: async () => JSON.parse(bytes.toString("utf8")),
    body: async () => bytes,
  };
}

/** A path template (`/p/[slug]` or `/api/v1/articles/{id}`) as a pattern with its parameter names. */
function compile(segments: { name?: string; rest?: boolean; text?: string }[]) {
  const names: string[] = [];
  const source = segments
    .map((s) => {
      if (s.text !== undefined) return "/" + s.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(s.name!);
      return s.rest ? "/(.+)" : "/([^/]+)";
    })
    .join("");
  return { pattern: new RegExp(`^${source || "/"}$`), names, statics: segments.filter((s) => s.text !== undefined).length };
}

interface AppRoute {
  pattern: RegExp;
  names: string[];
  statics: number;
  file: string;
  kind: "page" | "route";
  layouts: string[];
}

let appRoutes: AppRoute[] | undefined;

/** The pages and route handlers of app/ (not the API, which the registry lists), as Next reads the folders. */
function discover(): AppRoute[] {
  const root = path.resolve("app");
  const out: AppRoute[] = [];
  const visit = (dir: string, layouts: string[]) => {
    const here = fs.existsSync(path.join(dir, "layout.tsx")) ? [...layouts, path.join(dir, "layout.tsx")] : layouts;
    const rel = path.relative(root, dir);
    const segments = rel
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .map((s) => {
        const m = /^\[(\.\.\.)?(.+)\]$/.exec(s);
        return m ? { name: m[2]!, rest: Boolean(m[1]) } : { text: s };
      });
    for (const [file, kind] of [["page.tsx", "page"], ["route.ts", "route"]] as const) {
      if (fs.existsSync(path.join(dir, file))) out.push({ ...compile(segments), file: path.join(dir, file), kind, layouts: here });
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !(dir === root && entry.name === "api")) visit(path.join(dir, entry.name), here);
    }
  };
  visit(root, []);
  // Static segments win over parameters, as in Next (/workspace/articles/new before /workspace/articles/[id]).
  return out.sort((a, b) => b.statics - a.statics);
}

function match<T extends { pattern: RegExp; names: string[] }>(routes: readonly T[], pathname: string) {
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (m) return { route, params: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
  }
  return null;
}

const apiRoutes = () =>
  API_ROUTES.map((r) => ({
    def: r,
    ...compile(
      r.path
        .split("/")
        .filter(Boolean)
        .map((s) => (/^\{.+\}$/.test(s) ? { name: s.slice(1, -1) } : { text: s })),
    ),
  }));
let apiTable: ReturnType<typeof apiRoutes> | undefined;

export interface RequestOptions {
  headers?: Record<string, string>;
  data?: unknown;
  multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>;
}

/** One API call, as an HTTP client would make it: through the route's handler, with these headers. */
export async function api(method: string, url: string, options: RequestOptions = {}): Promise<Answer> {
  apiTable ??= apiRoutes();
  const target = new URL(url, ORIGIN);
  const found = match(
    apiTable.filter((r) => r.def.method === method),
    target.pathname,
  );
  if (!found) throw new Error(`No API route for ${method} ${target.pathname}`);
  const headers: Record<string, string> = { host: "localhost", "x-cms-socket-address": "127.0.0.1", "user-agent": "vitest-in-process", ...options.headers };
  let body: BodyInit | undefined;
  if (options.multipart) {
    const form = new FormData();
    for (const [field, file] of Object.entries(options.multipart)) form.set(field, new File([new Uint8Array(file.buffer)], file.name, { type: file.mimeType }));
    const encoded = new Request(ORIGIN, { method: "POST", body: form });
    headers["content-type"] = encoded.headers.get("content-type")!;
    body = Buffer.from(await encoded.arrayBuffer());
  } else if (options.data !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.data);
  }
  if (body !== undefined) headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : (body as Buffer).length);
  const request = new Request(target, { method, headers, body });
  const handler = routeHandler(found.route.def);
  const res = await inRequest(() => handler(request, { params: Promise.resolve(found.params) }), { headers, path: target.pathname });
  return answer(res);
}

const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {}, hmrRefresh() {} };

/** Next's notFound(), forbidden(), unauthorized() and redirect() throw errors carrying a digest. */
function digestStatus(error: unknown): { status: number; location?: string } | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)$/.exec(digest);
  if (fallback) return { status: Number(fallback[1]) };
  const redirect = /^NEXT_REDIRECT;[^;]*;([^;]*);(\d+)/.exec(digest);
  if (redirect) return { status: Number(redirect[2]), location: redirect[1] };
  return null;
}

/**
 * GET `url` as a browser signed in with `headers` (a cookie) would: a page
 * rendered inside its layouts (status 200, or the status of a notFound() or
 * redirect() it throws, with no body), or a route handler's answer.
 */
export async function get(url: string, options: { headers?: Record<string, string> } = {}): Promise<Answer> {
  appRoutes ??= discover();
  const target = new URL(url, ORIGIN);
  if (target.pathname.startsWith("/api/")) return api("GET", url, options);
  const found = match(appRoutes, target.pathname);
  if (!found) throw new Error(`No page or route for ${target.pathname}`);
  const headers: Record<string, string> = { host: "localhost", "x-cms-socket-address": "127.0.0.1", "user-agent": "vitest-in-process", ...options.headers };
  const { route, params } = found;
  return inRequest(
    async () => {
      const mod = (await import(/* @vite-ignore */ route.file)) as { default?: ComponentType<never>; GET?: (r: Request, c: unknown) => Promise<Response> };
      if (route.kind === "route") return answer(await mod.GET!(new Request(target, { headers }), { params: Promise.resolve(params) }));
      const searchParams: Record<string, string | string[]> = {};
      for (const key of new Set(target.searchParams.keys())) {
        const all = target.searchParams.getAll(key);
        searchParams[key] = all.length > 1 ? all : all[0]!;
      }
      const props = { params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) };
      let tree: ReactNode = createElement(mod.default as ComponentType<typeof props>, props);
      for (const file of [...route.layouts].reverse()) {
        const layout = (await import(/* @vite-ignore */ file)) as { default: ComponentType<{ children?: ReactNode; params: unknown }> };
        tree = createElement(layout.default, { params: props.params }, tree);
      }
      const errors: unknown[] = [];
      try {
        // What next/navigation's hooks read in client components: the router, the path and the query.
        tree = createElement(PathnameContext.Provider, { value: target.pathname }, createElement(SearchParamsContext.Provider, { value: target.searchParams as never }, tree));
        const { prelude } = await prerender(createElement(AppRouterContext.Provider, { value: router as never }, tree), { onError: (e) => void errors.push(e) });
        const html = await new Response(prelude).text();
        if (errors.length) throw errors[0];
        return answer(new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } }));
      } catch (e) {
        const outcome = digestStatus(e);
        if (!outcome) throw e;
        return answer(new Response(null, { status: outcome.status, headers: outcome.location ? { location: outcome.location } : {} }));
      }
    },
    { headers, path: target.pathname },
  );
}
