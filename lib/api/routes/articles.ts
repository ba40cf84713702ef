// Articles (稿件): the contributors' and editors' desks over HTTP.
import { z } from "zod";
import { articleFilterSchema, getArticle, listArticles } from "@/lib/articles/articles";
import { importDocx, maxDocxBytes } from "@/lib/articles/import-docx";
import { articleInputSchema, articleUpdateSchema, createArticle, transitionArticle, transitionSchema, updateArticle } from "@/lib/articles/mutations";
import { diffRevisions, listRevisions, restoreRevision } from "@/lib/articles/revisions";
import { TRANSITIONS, type Transition } from "@/lib/articles/status";
import { articleFollowUp } from "@/lib/instructions/follow-up";
import { defineRoute, idParam } from "../route";
import { adoptionSchema, articleInstructionListSchema } from "./instructions";
import { articleStatusSchema, idVersionSchema, isoDateTime, looseObject, tiptapDocSchema, transitionResultSchema } from "./schemas";

const TAG = "Articles";
const idParams = z.object({ id: idParam });
const NOT_FOUND = "article.notFound";
/** A 2 MB document as JSON, with room for escaping; the service checks the real limits (413 past 2 MB). */
const ARTICLE_BODY_BYTES = 4 * 1024 * 1024;

const articleDetailSchema = z.object({
  id: z.number().int(),
  title: z.string().describe("The title's lines joined"),
  titleLines: z.array(z.string()),
  body: tiptapDocSchema,
  html: z.string(),
  attribution: z.string(),
  status: articleStatusSchema,
  version: z.number().int(),
  unit: z.string(),
  unitId: z.number().int(),
  submittedAt: isoDateTime.nullable(),
  events: z.array(z.object({ type: z.string(), comment: z.string().nullable(), by: z.string().nullable(), at: isoDateTime })),
  publishedIn: z
    .object({
      publication: z.string(),
      slug: z.string(),
      year: z.number().int(),
      number: z.number().int(),
      series: z.string(),
      totalNumber: z.number().int().nullable(),
      path: z.string().describe("The article in the reader site"),
    })
    .nullable()
    .describe("The published issue the article ran in (刊于…), or null"),
  commissionId: z.number().int().nullable().describe("The 约稿 (commission) the article answers, or null"),
  commission: z.object({ id: z.number().int(), title: z.string(), deadline: isoDateTime }).nullable(),
  instructions: articleInstructionListSchema.describe("批示 on the article, with their 落实反馈"),
  adoptions: z.array(adoptionSchema).describe("上级采用 of the article"),
});

const TRANSITION_SUMMARIES: Record<Transition, string> = {
  submit: "Submit for review (contributor, own unit)",
  withdraw: "Withdraw a submission before an editor acts (contributor, own unit)",
  return: "Return to the contributor with a comment (editor)",
  accept: "Accept 采用 (editor)",
  reject: "Reject with a comment (editor)",
  reopen: "Reopen a rejected article for review (editor)",
  unaccept: "Take an accepted, unplaced article back to review (editor)",
};

const transitionRoutes = (Object.keys(TRANSITIONS) as Transition[]).map((transition) =>
  defineRoute({
    method: "POST",
    path: `/api/v1/articles/{id}/${transition}`,
    summary: TRANSITION_SUMMARIES[transition],
    tag: TAG,
    access: "signed-in",
    permission: TRANSITIONS[transition].permission,
    params: idParams,
    notFound: NOT_FOUND,
    body: { schema: transitionSchema, maxBytes: 16 * 1024, invalidMessage: "article.commentInvalid", optional: true },
    response: transitionResultSchema,
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body }) => transitionArticle(viewer, params.id, transition, body),
  }),
);

export const articleRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/articles",
    summary: "Articles the viewer may see (contributors: their unit's), newest first",
    tag: TAG,
    access: "signed-in",
    query: articleFilterSchema,
    response: z.object({ articles: z.array(z.looseObject({ id: z.number().int(), title: z.string(), status: articleStatusSchema, unit: z.string(), updatedAt: isoDateTime })) }),
    errors: [422],
    handler: async ({ viewer, query }) => ({ articles: await listArticles(viewer, query) }),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/articles",
    summary: "A new draft: `body` as Tiptap JSON, or `html` (converted and sanitized)",
    tag: TAG,
    access: "signed-in",
    permission: ["create:article:own-unit", "update:article:any"],
    body: { schema: articleInputSchema, maxBytes: ARTICLE_BODY_BYTES, invalidMessage: "article.invalid" },
    status: 201,
    response: z.object({ id: z.number().int(), status: z.literal("draft"), version: z.number().int() }),
    errors: [403, 413, 422],
    handler: async ({ viewer, body }) => {
      const created = await createArticle(viewer, body);
      return { id: created.id, status: created.status, version: created.version };
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/articles/import",
    summary: "A draft made from a Word document (.docx, multipart field `file`); `?commissionId=` links it to a 约稿 addressed to the unit; an editor names the unit with `?unit=`",
    tag: TAG,
    access: "signed-in",
    permission: ["create:article:own-unit", "update:article:any"],
    query: z.object({
      commissionId: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe("The 约稿 the draft answers"),
      unit: z.string().min(1).max(200).optional().describe("Editors: the unit the document came from (name or short name); a contributor's is their own"),
    }),
    body: { upload: true, maxBytes: maxDocxBytes, description: "A .docx file in the multipart field `file`" },
    status: 201,
    response: z.looseObject({ id: z.number().int(), status: z.literal("draft"), version: z.number().int(), title: z.string() }),
    errors: [403, 413, 422],
    handler: ({ viewer, upload, query }) => importDocx(viewer, upload!.bytes, { commissionId: query.commissionId, unit: query.unit }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/articles/{id}",
    summary: "One article with its history",
    tag: TAG,
    access: "signed-in",
    params: idParams,
    notFound: NOT_FOUND,
    response: articleDetailSchema,
    errors: [404],
    handler: async ({ viewer, params }) => {
      const { author: _author, ...article } = await getArticle(viewer, params.id);
      // 批示 with their 落实反馈, and 上级采用 (DESIGN.md): editors and the article's unit see them.
      return { ...article, ...(await articleFollowUp(viewer, article)) };
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/articles/{id}",
    summary: "Save changes; `version` must be the current one (409 with the newer text when stale)",
    tag: TAG,
    access: "signed-in",
    permission: ["update:article:own-unit", "update:article:any"],
    params: idParams,
    notFound: NOT_FOUND,
    body: { schema: articleUpdateSchema, maxBytes: ARTICLE_BODY_BYTES, invalidMessage: "article.invalid" },
    response: z.object({ id: z.number().int(), version: z.number().int(), status: articleStatusSchema }),
    errors: [403, 404, 409, 413, 422],
    handler: ({ viewer, params, body }) => updateArticle(viewer, params.id, body),
  }),
  ...transitionRoutes,
  defineRoute({
    method: "GET",
    path: "/api/v1/articles/{id}/revisions",
    summary: "The article's revisions",
    tag: TAG,
    access: "signed-in",
    params: idParams,
    notFound: NOT_FOUND,
    response: z.object({ revisions: z.array(looseObject("A revision: version, author, time, note")) }),
    errors: [404],
    handler: async ({ viewer, params }) => ({ revisions: await listRevisions(viewer, params.id) }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/articles/{id}/diff",
    summary: "The changes between two revisions (default: the last submitted text → the current one)",
    tag: TAG,
    access: "signed-in",
    params: idParams,
    notFound: NOT_FOUND,
    query: z.object({ from: z.coerce.number().int().min(1).optional(), to: z.coerce.number().int().min(1).optional() }),
    response: looseObject("The two revisions and their paragraph and character differences"),
    errors: [404, 422],
    handler: ({ viewer, params, query }) => diffRevisions(viewer, params.id, query.from, query.to),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/articles/{id}/restore",
    summary: "Restore an earlier revision as a new one",
    tag: TAG,
    access: "signed-in",
    permission: ["update:article:own-unit", "update:article:any"],
    params: idParams,
    notFound: NOT_FOUND,
    body: { schema: z.object({ revision: z.number().int().min(1), version: z.number().int().min(1) }).strict(), maxBytes: 16 * 1024 },
    response: idVersionSchema.loose(),
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body }) => restoreRevision(viewer, params.id, body.revision, body.version),
  }),
];
