// Response shapes shared by the route definitions, for the OpenAPI document.
// They describe what the services return; the services' TypeScript types are
// the source of truth, these only document them.
import { z } from "zod";
import { ARTICLE_STATUSES } from "@/db/schema";

export const okSchema = z.object({ ok: z.literal(true) });
export const tiptapDocSchema = z.looseObject({ type: z.literal("doc"), content: z.array(z.unknown()).optional() }).describe("A Tiptap (ProseMirror) JSON document");
export const articleStatusSchema = z.enum(ARTICLE_STATUSES);
export const idVersionSchema = z.object({ id: z.number().int(), version: z.number().int() });
export const transitionResultSchema = z.object({ id: z.number().int(), status: articleStatusSchema, version: z.number().int() });
export const looseObject = (description: string) => z.looseObject({}).describe(description);
export const isoDateTime = z.string().describe("ISO 8601 date and time");
