// The OpenAPI 3.1 document of /api/v1, written from the route definitions
// (lib/api/registry.ts): the same zod schemas that validate requests give
// the request schemas here (zod 4 writes JSON Schema, draft 2020-12, which
// OpenAPI 3.1 uses as is).
import { z } from "zod";
import { API_ROUTES } from "./registry";
import type { AnyRoute } from "./route";

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (not JSON, a bad query)",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found, or not visible to you",
  409: "Conflict: a stale `version`, a number taken, a state that changed meanwhile",
  410: "Gone: the issue was withdrawn (the answer gives the date and the reason)",
  413: "Too large",
  422: "Invalid: the fields that do not fit are named in `error.fields`",
  429: "Too many attempts; try again later",
  500: "Internal error (logged; never caused by bad input)",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parameters(route: AnyRoute): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const name of route.path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
    list.push({ name, in: "path", required: true, schema: { type: "string" } });
  }
  if (route.query) {
    const schema = jsonSchema(route.query, "input");
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: "query", required: required.has(name), schema: property, ...(property.description ? { description: property.description } : {}) });
    }
  }
  return list;
}

function requestBody(route: AnyRoute): JsonSchema | undefined {
  if (!route.body) return undefined;
  if ("upload" in route.body) {
    return {
      required: true,
      description: route.body.description,
      content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } } },
    };
  }
  return {
    required: !route.body.optional,
    description: `JSON, at most ${route.body.maxBytes} bytes`,
    content: { "application/json": { schema: jsonSchema(route.body.schema, "input") } },
  };
}

function responses(route: AnyRoute): JsonSchema {
  const success =
    route.response instanceof z.ZodType
      ? { description: "Success", content: { "application/json": { schema: jsonSchema(route.response, "output") } } }
      : { description: route.response.description, content: { [route.response.mediaType]: { schema: { type: "string", format: "binary" } } } };
  const statuses = new Set<number>([400, ...(route.access === "public" ? [] : [401]), ...(route.errors ?? []), 500]);
  if (route.body) statuses.add(422);
  const out: JsonSchema = { [String(route.status ?? 200)]: success };
  for (const status of [...statuses].sort()) {
    out[String(status)] = { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return out;
}

const operationId = (route: AnyRoute) =>
  route.method.toLowerCase() +
  route.path
    .replace(/^\/api\/v1/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith("{") ? `By${part.slice(1, -1).replace(/^./, (c) => c.toUpperCase())}` : part.replace(/(^|[-.])(\w)/g, (_, _sep, c: string) => c.toUpperCase())))
    .join("");

/** The OpenAPI 3.1 document of every route under /api/v1. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) {
    const body = requestBody(route);
    const params = parameters(route);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: operationId(route),
      summary: route.summary,
      tags: [route.tag],
      ...(route.permission ? { description: `Needs one of: ${[route.permission].flat().join(", ")} (the service checks the exact scope).` } : {}),
      security: route.access === "public" ? [] : [{ bearer: [] }, { session: [] }],
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(route),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Bulletin CMS API",
      version: "1",
      description: "The JSON API of the bulletin (简报) CMS: everything the desks can do. Errors are `{\"error\": {code, message, fields?}}`.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token from POST /api/v1/auth/token or the desk's API 令牌 page" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The desk's session cookie (writes must come from the same origin)" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", examples: ["invalid", "not_found", "conflict"] },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              },
            },
          },
        },
      },
    },
  };
}
