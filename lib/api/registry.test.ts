// One route definition per API route: every route file under app/api/v1 is in
// the registry with exactly its methods, every registered route has its file,
// and the OpenAPI document written from the registry is valid OpenAPI 3.1 and
// lists them all.
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API_ROUTES } from "./registry";

const apiDir = path.resolve("app/api/v1");
/** Route files that are not API operations: the document itself, and the JSON 404 for unknown paths. */
const NOT_OPERATIONS = new Set(["/api/v1/openapi.json", "/api/v1/{...path}"]);

function routeFiles(dir = apiDir): { path: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    const urlPath = "/api/v1" + path.relative(apiDir, dir).split(path.sep).map((s) => `/${s.replace(/^\[(.+)\]$/, "{$1}")}`).join("");
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = handlerFor\("(\w+)", "([^"]+)"\)/g)].map((m) => {
      expect(m[2], `${full}: the exported name and the method agree`).toBe(m[1]);
      expect(m[3], `${full}: the path is the file's own`).toBe(urlPath.replace(/\/$/, ""));
      return m[1]!;
    });
    const exported = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => m[1]!);
    return [{ path: urlPath.replace(/\/$/, ""), methods: NOT_OPERATIONS.has(urlPath.replace(/\/$/, "")) ? [] : (expect(exported.sort()).toEqual([...methods].sort()), methods) }];
  });
}

describe("API route registry", () => {
  const files = routeFiles();

  it("has every route file's methods, and a file for every registered route", () => {
    const fromFiles = files.flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)).sort();
    const registered = API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(fromFiles).toEqual(registered);
    expect(registered.length).toBeGreaterThan(50);
  });

  it("writes a valid OpenAPI 3.1 document listing every route", async () => {
    const document = openApiDocument();
    const result = await new Validator().validate(document as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    const paths = document.paths as Record<string, Record<string, unknown>>;
    for (const route of API_ROUTES) expect(paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    const operationIds = Object.values(paths).flatMap((ops) => Object.values(ops).map((op) => (op as { operationId: string }).operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("documents request bodies from the schemas the routes validate with", () => {
    const layout = (openApiDocument().paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>)["/api/v1/issues/{id}/layout"]!.put!;
    expect(Object.keys(layout.requestBody!.content["application/json"]!.schema.properties!)).toEqual(["sections", "version"]);
  });
});
