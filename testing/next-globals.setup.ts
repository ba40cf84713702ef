// Next's server sets globalThis.AsyncLocalStorage before it loads anything
// (node-environment-baseline); its request storage (headers(), cookies(), the
// cache functions) is made from it when first loaded. The db tests that run
// server actions inside a request (testing/next-request.ts) need the same,
// before any of Next's modules is imported. Node's own class, never changed.
import { AsyncLocalStorage } from "node:async_hooks";

(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
