// 约稿 (commissions): editors write them, the addressed units' contributors
// see them and answer with articles (`commissionId` on the article routes).
import { z } from "zod";
import { commissionInputSchema, commissionListQuerySchema, COMMISSION_UNIT_STATUSES, createCommission, getCommission, listCommissions } from "@/lib/commissions/commissions";
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
];
