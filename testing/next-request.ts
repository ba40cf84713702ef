// Runs code the way Next runs a server action or a page for one request:
// inside Next's request scope, so `headers()`, `cookies()` and next-auth's
// `getServerSession` read the headers given here. For integration tests of
// server actions themselves (app/**/actions.ts), with a real session cookie
// for a real server session — no mocks (Vitest runs without isolation, where
// a module mock would leak into other files).
//
// It uses Next's own request-store factory (next/dist/server/async-storage),
// an internal module: a Next upgrade that moves it fails these tests loudly,
// never silently.
import { encode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";

const TEST_SECRET = "vitest-only-nextauth-secret-0123456789abcdef";
/** The secret next-auth decodes the cookie with: the configured one, else this file's (set only while a request runs). */
const secret = () => authOptions.secret ?? TEST_SECRET;

/** Next's request storage: made from globalThis.AsyncLocalStorage, which the db project's setup file sets (next-globals.setup.ts). */
async function nextStores() {
  const [{ workAsyncStorage }, { workUnitAsyncStorage }, { createRequestStoreForAPI }] = await Promise.all([
    import("next/dist/server/app-render/work-async-storage.external"),
    import("next/dist/server/app-render/work-unit-async-storage.external"),
    import("next/dist/server/async-storage/request-store"),
  ]);
  return { workAsyncStorage, workUnitAsyncStorage, createRequestStoreForAPI };
}

/** The value of a next-auth session cookie for a server session of a user (as the sign-in form sets it). */
export async function sessionCookie(userId: number, sid: string): Promise<string> {
  const value = await encode({ secret: secret(), token: { sub: String(userId), uid: userId, sid } });
  return `next-auth.session-token=${value}`;
}

/** Runs `fn` as one request to `path` with these headers (e.g. `cookie`, `user-agent`, `x-cms-socket-address`). */
export async function inRequest<T>(fn: () => Promise<T>, options: { headers?: Record<string, string>; path?: string } = {}): Promise<T> {
  const { workAsyncStorage, workUnitAsyncStorage, createRequestStoreForAPI } = await nextStores();
  const path = options.path ?? "/workspace";
  const url = new URL(path, "http://localhost");
  const request = createRequestStoreForAPI({ headers: new Headers(options.headers) } as never, url, { tags: [], expirationsByCacheKind: new Map() } as never, undefined, undefined as never, undefined);
  const work = { route: path, page: path, forceStatic: false, dynamicShouldError: false, isStaticGeneration: false } as never;
  const saved = { secret: process.env.NEXTAUTH_SECRET, url: process.env.NEXTAUTH_URL };
  if (!authOptions.secret) process.env.NEXTAUTH_SECRET = TEST_SECRET;
  process.env.NEXTAUTH_URL ??= "http://localhost";
  try {
    return await workAsyncStorage.run(work, () => workUnitAsyncStorage.run(request as never, fn));
  } finally {
    for (const [name, value] of [["NEXTAUTH_SECRET", saved.secret], ["NEXTAUTH_URL", saved.url]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
