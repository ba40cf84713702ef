// Every route under /api/v1, registered once. app/api/v1/…/route.ts files
// export the handlers from here; the OpenAPI document is written from here;
// lib/api/registry.test.ts fails when a route file and this list disagree.
import { routeHandler, type AnyRoute, type Method } from "./route";
import { adminRoutes } from "./routes/admin";
import { articleRoutes } from "./routes/articles";
import { commissionRoutes } from "./routes/commissions";
import { instructionRoutes } from "./routes/instructions";
import { issueRoutes } from "./routes/issues";
import { publicRoutes } from "./routes/public";

export const API_ROUTES: readonly AnyRoute[] = [...publicRoutes, ...articleRoutes, ...commissionRoutes, ...issueRoutes, ...instructionRoutes, ...adminRoutes];

const byKey = new Map(API_ROUTES.map((r) => [`${r.method} ${r.path}`, r]));
if (byKey.size !== API_ROUTES.length) throw new Error("Two API route definitions share a method and path");

/** The Next.js handler of the route `METHOD /api/v1/…` (OpenAPI path form). Throws at load time when it is not registered. */
export function handlerFor(method: Method, path: string) {
  const route = byKey.get(`${method} ${path}`);
  if (!route) throw new Error(`No API route definition for ${method} ${path}`);
  return routeHandler(route);
}
