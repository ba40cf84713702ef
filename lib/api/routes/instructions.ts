// 批示 (leaders' instructions) with their 落实反馈, and 上级采用 — desks only;
// nothing here is public.
import { z } from "zod";
import { OFFICIAL_LEVELS } from "@/db/schema";
import { adoptionInputSchema, recordAdoption } from "@/lib/instructions/adoptions";
import { getInstructionFile, instructionFileResponse, maxInstructionFileBytes, storeInstructionFile } from "@/lib/instructions/files";
import { answerInstruction, feedbackInputSchema, instructionInputSchema, instructionListQuerySchema, listInstructions, recordInstruction } from "@/lib/instructions/instructions";
import { defineRoute, idParam } from "../route";
import { isoDateTime } from "./schemas";

const TAG = "Instructions";
const idParams = z.object({ id: idParam });
const SMALL = 64 * 1024;
/** A 2 MB document as JSON, with room for escaping; the service checks the real limits. */
const FEEDBACK_BYTES = 4 * 1024 * 1024;

const fileSchema = z.object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() });
const instructionSchema = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  articleTitle: z.string(),
  unitId: z.number().int(),
  unit: z.string(),
  leader: z.string(),
  level: z.enum(OFFICIAL_LEVELS),
  date: z.string().describe("YYYY-MM-DD"),
  text: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: isoDateTime,
  issue: z.string().nullable(),
  scan: fileSchema.nullable(),
  state: z.enum(["awaiting", "answered"]),
  answeredAt: isoDateTime.nullable(),
  dueDate: z.string().describe("The last day 落实反馈 is on time, YYYY-MM-DD"),
  overdue: z.boolean(),
  late: z.boolean(),
  feedback: z.array(z.object({ id: z.number().int(), html: z.string(), by: z.string().nullable(), at: isoDateTime, files: z.array(fileSchema) })),
});
export const adoptionSchema = z.object({
  id: z.number().int(),
  by: z.string(),
  level: z.enum(OFFICIAL_LEVELS),
  date: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: isoDateTime,
});
export const articleInstructionListSchema = z.array(instructionSchema);

export const instructionRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/articles/{id}/instructions",
    summary: "Record a leader's instruction (批示) on a published article — signers and editors; the article's unit is notified",
    tag: TAG,
    access: "signed-in",
    permission: "record:instruction:any",
    params: idParams,
    notFound: "article.notFound",
    body: { schema: instructionInputSchema, maxBytes: SMALL, invalidMessage: "instruction.invalid" },
    status: 201,
    response: z.object({ id: z.number().int() }),
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body }) => recordInstruction(viewer, params.id, body),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/instructions/{id}/feedback",
    summary: "Report 落实反馈 on an instruction — a contributor of the article's unit; `text` is HTML (sanitized) or plain text, `attachmentIds` uploads of theirs",
    tag: TAG,
    access: "signed-in",
    permission: "answer:instruction:own-unit",
    params: idParams,
    notFound: "instruction.notFound",
    body: { schema: feedbackInputSchema, maxBytes: FEEDBACK_BYTES, invalidMessage: "instruction.feedbackInvalid" },
    status: 201,
    response: z.object({ id: z.number().int(), createdAt: isoDateTime }),
    errors: [403, 404, 413, 422],
    handler: ({ viewer, params, body }) => answerInstruction(viewer, params.id, body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/instructions",
    summary: "The 批示台账: every instruction with its feedback state (a contributor: their unit's); `state=awaiting|answered|overdue`",
    tag: TAG,
    access: "signed-in",
    permission: ["read:instruction:any", "read:instruction:own-unit"],
    query: instructionListQuerySchema,
    response: z.object({ instructions: z.array(instructionSchema), feedbackDays: z.number().int() }),
    errors: [403, 422],
    handler: ({ viewer, query }) => listInstructions(viewer, query),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/articles/{id}/adoptions",
    summary: "Record that a published article was adopted upstream (上级采用) — editors",
    tag: TAG,
    access: "signed-in",
    permission: "record:adoption:any",
    params: idParams,
    notFound: "article.notFound",
    body: { schema: adoptionInputSchema, maxBytes: SMALL, invalidMessage: "adoption.invalid" },
    status: 201,
    response: z.object({ id: z.number().int() }),
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body }) => recordAdoption(viewer, params.id, body),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/instruction-files",
    summary: "Upload a scan of a handwritten 批示 or an attachment of 落实反馈 (image or PDF, checked by content); link it with `scanId` or `attachmentIds`",
    tag: TAG,
    access: "signed-in",
    permission: ["record:instruction:any", "answer:instruction:own-unit"],
    body: { upload: true, maxBytes: maxInstructionFileBytes, description: "An image (PNG, JPEG, WebP, GIF) or a PDF in the field `file`" },
    status: 201,
    response: z.object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() }),
    errors: [403, 413, 422],
    handler: ({ viewer, upload }) => storeInstructionFile(viewer, upload!.bytes, upload!.name),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/instruction-files/{id}",
    summary: "A 批示 scan or a feedback attachment, for whoever may see the instruction (and the uploader)",
    tag: TAG,
    access: "signed-in",
    permission: ["read:instruction:any", "read:instruction:own-unit"],
    params: idParams,
    notFound: "instruction.fileNotFound",
    response: { mediaType: "application/octet-stream", description: "The file (image or PDF), with its own type" },
    errors: [403, 404],
    handler: async ({ viewer, params }) => instructionFileResponse(await getInstructionFile(viewer, params.id)),
  }),
];
