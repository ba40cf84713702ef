// 约稿 (commissions): editors write them, the addressed units' contributors
// see them and answer with articles (`commissionId` on the article routes).
import { z } from "zod";
import {
  commissionCancelSchema,
  commissionInputSchema,
  commissionListQuerySchema,
  commissionUpdateSchema,
  COMMISSION_UNIT_STATUSES,
  createCommission,
  getCommission,
  listCommissions,
} from "@/lib/commissions/commissions";
import { cancelCommission, updateCommission } from "@/lib/commissions/changes";
import { commissionNow } from "@/lib/e2e/clock";
import { MAX_HTML_BYTES } from "@/lib/articles/html";
import { defineRoute, idParam } from "../route";
import { articleStatusSchema, isoDateTime, tiptapDocSchema } from "./schemas";

const TAG = "Commissions";
const READ = ["manage:commission:any", "read:commission:own-unit"] as const;

const unitStateSchema = z.object({
  unitId: z.number().int(),
  unit: z.string().describe("The unit's name"),
  status: z.enum(COMMISSION_UNIT_STATUSES).describe("open: nothing submitted, deadline ahead; answered: a linked article was submitted; missed: deadline passed, nothing submitted"),
  late: z.boolean().nullable().describe("For an answered commission: first submitted after the deadline; otherwise null"),
  answeredAt: isoDateTime.nullable(),
  articleIds: z.array(z.number().int()).describe("The unit's articles linked to the commission (drafts too)"),
  articles: z.array(z.object({ id: z.number().int(), title: z.string(), status: articleStatusSchema, submittedAt: isoDateTime.nullable() })),
});

const commissionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  deadline: isoDateTime,
  version: z.number().int().describe("Send it back with a change or a cancellation; a stale one gets 409"),
  cancelled: z
    .object({ at: isoDateTime, reason: z.string(), by: z.string().nullable() })
    .nullable()
    .describe("已撤销: when, why and by whom; null while the commission stands. A cancelled commission takes no answers and is not scored"),
  publication: z.object({ slug: z.string(), name: z.string() }).nullable(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  units: z.array(unitStateSchema).describe("Every addressed unit (editors); the contributor's own unit alone (contributors)"),
});
const commissionDetailSchema = commissionSchema.extend({ brief: tiptapDocSchema, briefHtml: z.string() });

export const commissionRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/commissions",
    summary: "Commissions (约稿), latest deadline first: every one (editors), or those addressed to the contributor's unit",
    tag: TAG,
    access: "signed-in",
    permission: READ,
    query: commissionListQuerySchema,
    response: z.object({ commissions: z.array(commissionSchema) }),
    errors: [403, 422],
    handler: async ({ viewer, query, request }) => ({ commissions: await listCommissions(viewer, { now: commissionNow(request.headers), limit: query.limit }) }),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/commissions",
    summary: "Send a commission (editors): title, brief, deadline (later than now), the units addressed (at least one), optionally the publication",
    tag: TAG,
    access: "signed-in",
    permission: "manage:commission:any",
    body: { schema: commissionInputSchema, maxBytes: MAX_HTML_BYTES * 2 + 64 * 1024, invalidMessage: "commission.invalid" },
    status: 201,
    response: commissionDetailSchema,
    errors: [403, 413, 422],
    handler: ({ viewer, body, request }) => createCommission(viewer, body, { now: commissionNow(request.headers) }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/commissions/{id}",
    summary: "One commission with its brief and each unit's answer; a unit it was not addressed to gets 404",
    tag: TAG,
    access: "signed-in",
    permission: READ,
    params: z.object({ id: idParam }),
    notFound: "commission.notFound",
    response: commissionDetailSchema,
    errors: [403, 404],
    handler: ({ viewer, params, request }) => getCommission(viewer, params.id, { now: commissionNow(request.headers) }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/commissions/{id}",
    summary:
      "Change a commission (editors): `version` and the fields that change (title, brief, deadline later than now, unitIds — the whole new list; a unit that has answered cannot be removed). 409 when `version` is stale or the commission is cancelled",
    tag: TAG,
    access: "signed-in",
    permission: "manage:commission:any",
    params: z.object({ id: idParam }),
    notFound: "commission.notFound",
    body: { schema: commissionUpdateSchema, maxBytes: MAX_HTML_BYTES * 2 + 64 * 1024, invalidMessage: "commission.invalid" },
    response: commissionDetailSchema,
    errors: [403, 404, 409, 413, 422],
    handler: ({ viewer, params, body, request }) => updateCommission(viewer, params.id, body, { now: commissionNow(request.headers) }),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/commissions/{id}/cancel",
    summary: "Cancel a commission (editors) with `version` and a reason (1–500 characters); the addressed units are told. 409 when `version` is stale or it is already cancelled",
    tag: TAG,
    access: "signed-in",
    permission: "manage:commission:any",
    params: z.object({ id: idParam }),
    notFound: "commission.notFound",
    body: { schema: commissionCancelSchema, maxBytes: 16 * 1024, invalidMessage: "commission.invalid" },
    response: commissionDetailSchema,
    errors: [403, 404, 409, 422],
    handler: ({ viewer, params, body, request }) => cancelCommission(viewer, params.id, body, { now: commissionNow(request.headers) }),
  }),
];
