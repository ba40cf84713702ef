// 刊物: name, slug, issuing body (来源), masthead subtitle and the print footer
// (报送/抄送/印发, copies). Administered here; readers see them through lib/issues/reader.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { publications, type Publication } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, isUniqueViolation, invalidInput, msg } from "@/lib/errors";
import { voidSignoffsOfPublicationInTx } from "@/lib/issues/signoff";

/** What an issue prints and shows of its publication: a change voids the 签发 of its pending issues. */
const SIGNED_FIELDS: readonly (keyof Publication)[] = ["name", "issuingBody", "subtitle", "showTotalNumber", "printRecipients", "printCc", "printIssuer", "printCopies", "printSigner"];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不超过 ${max} 字`)
    .nullish()
    .transform((v) => v || null);

const publicationFieldsSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "只能用小写字母、数字和连字符，最多 40 位"),
  name: z.string().trim().min(1, "请填写刊物名称").max(100, "不超过 100 字"),
  issuingBody: z.string().trim().min(1, "请填写编发单位").max(100, "不超过 100 字"),
  subtitle: optionalText(200),
  printRecipients: optionalText(500), // 报送
  printCc: optionalText(500), // 抄送
  printIssuer: optionalText(200), // 印发
  printCopies: z.coerce.number().int("请填写整数").min(1, "至少 1 份").max(100_000).nullish().transform((v) => v ?? null),
  showTotalNumber: z.boolean(),
  // 签发 before publishing, and the `签发：姓名` line in the printed form.
  requiresSignoff: z.boolean(),
  printSigner: z.boolean(),
});
/** A new publication: sign-off on and the 签发 line off unless said otherwise. */
export const publicationInputSchema = publicationFieldsSchema.extend({
  showTotalNumber: z.boolean().default(true),
  requiresSignoff: z.boolean().default(true),
  printSigner: z.boolean().default(false),
});
export type PublicationInput = z.input<typeof publicationInputSchema>;
// No defaults here: an update leaves what it does not name as it was.
export const publicationUpdateSchema = publicationFieldsSchema.partial().strict();

export type PublicationDetail = Omit<Publication, "createdAt"> & { createdAt: string };
const toDetail = (p: Publication): PublicationDetail => ({ ...p, createdAt: p.createdAt.toISOString() });

function invalid(error: z.ZodError) {
  return invalidInput(error, "common.checkInput");
}
const slugTaken = (slug: string) => new AppError("conflict", msg("publication.slugTaken", { slug }), { slug: ["publication.slugTakenField"] });

export async function listPublicationsForAdmin(viewer: Viewer): Promise<PublicationDetail[]> {
  authorize(viewer, "manage:publication:any");
  const db = await getDb();
  return (await db.select().from(publications).orderBy(asc(publications.id))).map(toDetail);
}

export async function getPublicationForAdmin(viewer: Viewer, slug: string): Promise<PublicationDetail> {
  authorize(viewer, "manage:publication:any");
  const db = await getDb();
  const [row] = await db.select().from(publications).where(eq(publications.slug, slug)).limit(1);
  if (!row) throw new AppError("not_found", "publication.notFound");
  return toDetail(row);
}

export async function createPublication(viewer: Viewer, input: PublicationInput | Record<string, unknown>): Promise<PublicationDetail> {
  authorize(viewer, "manage:publication:any");
  const parsed = publicationInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(publications).values(parsed.data).returning();
      await recordAudit(tx, viewer, { action: "publication.create", targetType: "publication", targetId: row!.slug, details: { name: row!.name } });
      return toDetail(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(parsed.data.slug);
    throw e;
  }
}

/**
 * Edits a publication. Published issues keep the masthead and footer they were
 * published with (their snapshot); the change applies to issues published later.
 */
export async function updatePublication(viewer: Viewer, slug: string, input: z.input<typeof publicationUpdateSchema> | Record<string, unknown>): Promise<PublicationDetail> {
  authorize(viewer, "manage:publication:any");
  const parsed = publicationUpdateSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(publications).where(eq(publications.slug, slug)).for("update").limit(1);
      if (!current) throw new AppError("not_found", "publication.notFound");
      const entries = Object.entries(parsed.data).filter(([k, v]) => v !== undefined && v !== current[k as keyof Publication]);
      if (!entries.length) return toDetail(current);
      const changed = Object.fromEntries(entries.map(([k, v]) => [k, { from: current[k as keyof Publication], to: v }]));
      const [row] = await tx.update(publications).set(Object.fromEntries(entries)).where(eq(publications.id, current.id)).returning();
      await recordAudit(tx, viewer, { action: "publication.update", targetType: "publication", targetId: row!.slug, details: { changed } });
      if (entries.some(([k]) => SIGNED_FIELDS.includes(k as keyof Publication))) {
        await voidSignoffsOfPublicationInTx(tx, viewer, current.id, "刊物的版头或版记已修改");
      }
      return toDetail(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(parsed.data.slug ?? slug);
    throw e;
  }
}
