// Scoring weights (记分标准). A change adds a row and never rewrites one, so a
// report on a past period is scored with the weights that were in force then.
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { scoringWeights, users } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, messageOfText } from "@/lib/errors";

/** Weights of article events, scored in the statistics' aggregate query (lib/stats/stats.ts). */
export const EVENT_WEIGHT_KEYS = ["submitted", "accepted", "published", "lead"] as const;
/** 约稿: per unit and commission, answered on time, answered late, missed (a cost: zero or negative). */
export const COMMISSION_WEIGHT_KEYS = ["commissionOnTime", "commissionLate", "commissionMissed"] as const;
/** 批示 received on a unit's article, by the leader's level. */
export const INSTRUCTION_WEIGHT_KEYS = ["instructionNational", "instructionProvincial", "instructionMunicipal", "instructionCounty"] as const;
/** 上级采用 of a unit's article, by the adopting office's level. */
export const ADOPTION_WEIGHT_KEYS = ["adoptionNational", "adoptionProvincial", "adoptionMunicipal", "adoptionCounty"] as const;
/** Weights of the 约稿, 批示 and 上级采用 of a period (lib/stats/follow-up.ts). */
export const FOLLOW_UP_WEIGHT_KEYS = [...COMMISSION_WEIGHT_KEYS, ...INSTRUCTION_WEIGHT_KEYS, ...ADOPTION_WEIGHT_KEYS] as const;
export const WEIGHT_KEYS = [...EVENT_WEIGHT_KEYS, ...FOLLOW_UP_WEIGHT_KEYS] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Weights = Record<WeightKey, number>;

/**
 * In force before anyone sets weights: a published article 10 points, the
 * lead article of an issue 5 more. 约稿, 批示 and 上级采用 score nothing until
 * an office sets their weights: a stored version from before they existed
 * reads them as 0 too (normalizeWeights), so its periods keep their scores.
 */
export const DEFAULT_WEIGHTS: Weights = {
  submitted: 0,
  accepted: 0,
  published: 10,
  lead: 5,
  ...(Object.fromEntries(FOLLOW_UP_WEIGHT_KEYS.map((k) => [k, 0])) as Record<(typeof FOLLOW_UP_WEIGHT_KEYS)[number], number>),
};

const points = z.coerce.number({ message: "请填写数字" }).min(-1000, "不小于 -1000").max(1000, "不大于 1000").multipleOf(0.5, "以 0.5 为单位");
// The 约稿, 批示 and 上级采用 weights are optional (0 when left out), so a client that knows only the article weights keeps working.
const extra = points.default(0);
export const weightsSchema = z
  .object({
    submitted: points,
    accepted: points,
    published: points,
    lead: points,
    commissionOnTime: extra,
    commissionLate: extra,
    // A missed commission costs points or nothing; it never earns.
    commissionMissed: extra.pipe(z.number().max(0, "未按时报送为扣分项，请填写 0 或负数")),
    instructionNational: extra,
    instructionProvincial: extra,
    instructionMunicipal: extra,
    instructionCounty: extra,
    adoptionNational: extra,
    adoptionProvincial: extra,
    adoptionMunicipal: extra,
    adoptionCounty: extra,
  })
  .strict();

export const setWeightsSchema = z.object({
  weights: weightsSchema,
  // China date the weights apply from; today (from now) when omitted.
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式为 YYYY-MM-DD")
    .optional(),
});

export interface WeightsVersion {
  id: number;
  weights: Weights;
  effectiveFrom: string;
  createdBy: string | null;
  createdAt: string;
}

/** Stored JSON read leniently: a missing key falls back to its default. */
export function normalizeWeights(value: unknown): Weights {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(WEIGHT_KEYS.map((k) => [k, typeof v[k] === "number" ? (v[k] as number) : DEFAULT_WEIGHTS[k]])) as Weights;
}

/** Every version, newest first. */
export async function listWeightVersions(viewer: Viewer): Promise<WeightsVersion[]> {
  authorize(viewer, "read:stats:any");
  const db = await getDb();
  const rows = await db
    .select({ id: scoringWeights.id, weights: scoringWeights.weights, effectiveFrom: scoringWeights.effectiveFrom, createdBy: users.name, createdAt: scoringWeights.createdAt })
    .from(scoringWeights)
    .leftJoin(users, eq(users.id, scoringWeights.createdById))
    .orderBy(desc(scoringWeights.effectiveFrom), desc(scoringWeights.id));
  return rows.map((r) => ({ ...r, weights: normalizeWeights(r.weights), effectiveFrom: r.effectiveFrom.toISOString(), createdAt: r.createdAt.toISOString() }));
}

/** The weights in force at `at` (now by default). */
export async function weightsAt(viewer: Viewer, at = new Date()): Promise<Weights> {
  const versions = await listWeightVersions(viewer);
  const v = versions.find((x) => new Date(x.effectiveFrom) <= at);
  return v ? v.weights : DEFAULT_WEIGHTS;
}

/**
 * Adds a version of the weights. People may only set weights from now on (or a
 * future day): back-dating would silently change reports already handed out.
 * The system (fixtures, imports of an earlier scheme) may back-date.
 */
export async function setWeights(viewer: Viewer, input: z.input<typeof setWeightsSchema> | Record<string, unknown>, now = new Date()): Promise<WeightsVersion> {
  authorize(viewer, "manage:scoring:any");
  const parsed = setWeightsSchema.safeParse(input);
  if (!parsed.success) {
    // The schema's words are the catalogue's (errors.json stats.*): each field's message by its key, so it comes back in the asker's language.
    const flat = Object.entries(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>).map(([field, texts]) => [field, texts.map(messageOfText)]);
    const nested = parsed.error.issues.filter((i) => i.path[0] === "weights" && i.path.length > 1).map((i) => [String(i.path[1]), [messageOfText(i.message)]]);
    throw new AppError("invalid", "stats.checkPoints", { ...Object.fromEntries(flat), ...Object.fromEntries(nested) });
  }
  let effectiveFrom = now;
  if (parsed.data.effectiveFrom) {
    const day = new Date(`${parsed.data.effectiveFrom}T00:00:00+08:00`);
    if (Number.isNaN(day.getTime())) throw new AppError("invalid", "common.dateInvalid", { effectiveFrom: ["common.dateInvalid"] });
    if (day < now && viewer.kind !== "system") {
      // Today means "from now"; an earlier day is refused.
      if (now.getTime() - day.getTime() >= 86_400_000) {
        throw new AppError("invalid", "stats.noBackdating", { effectiveFrom: ["stats.fromTodayOn"] });
      }
    } else {
      effectiveFrom = day;
    }
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scoringWeights)
      .values({ weights: parsed.data.weights, effectiveFrom, createdById: viewer.kind === "user" ? viewer.id : null })
      .returning();
    await recordAudit(tx, viewer, {
      action: "scoring.set-weights",
      targetType: "scoring_weights",
      targetId: row!.id,
      details: { weights: parsed.data.weights, effectiveFrom: effectiveFrom.toISOString() },
    });
    return {
      id: row!.id,
      weights: normalizeWeights(row!.weights),
      effectiveFrom: row!.effectiveFrom.toISOString(),
      createdBy: viewer.kind === "user" ? viewer.name : null,
      createdAt: row!.createdAt.toISOString(),
    };
  });
}

/** The weights in force at `at`: the latest version effective by then, else the defaults. `versions` newest first. */
export function weightsIn(versions: readonly Pick<WeightsVersion, "weights" | "effectiveFrom">[], at: Date): Weights {
  return versions.find((v) => new Date(v.effectiveFrom).getTime() <= at.getTime())?.weights ?? DEFAULT_WEIGHTS;
}
