// Files of 批示 work: the scan of a handwritten instruction, attachments of a
// 落实反馈. Checked by their content (magic bytes), never their name; stored
// unlinked at upload, then linked by the write that names them (in its
// transaction), so a refused write leaves nothing attached. Never public:
// served only to whoever may see the instruction, or to the uploader.
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { articles, instructionFeedback, instructionFiles, instructions } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg } from "@/lib/errors";
import { detectImageType } from "@/lib/media/media";

export const INSTRUCTION_FILE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf"] as const;
export type InstructionFileType = (typeof INSTRUCTION_FILE_TYPES)[number];

/** Size limit of one file (env INSTRUCTION_FILE_MAX_BYTES, 10 MB unless set). */
export const maxInstructionFileBytes = () => Number(process.env.INSTRUCTION_FILE_MAX_BYTES || 10 * 1024 * 1024);

/** An image type by signature, or PDF (`%PDF-`), or null. */
export function detectInstructionFileType(bytes: Uint8Array): InstructionFileType | null {
  const image = detectImageType(bytes);
  if (image) return image;
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return pdf.every((v, i) => bytes[i] === v) ? "application/pdf" : null;
}

export interface InstructionFileView {
  id: number;
  name: string;
  mime: string;
  size: number;
  /** Where the desks open it (signed in, permission checked). */
  url: string;
}

export const instructionFileUrl = (id: number) => `/api/v1/instruction-files/${id}`;

/** A file name fit to show and to send in Content-Disposition: no path, no control characters. */
function cleanName(name: string, mime: InstructionFileType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"<>]/g, "").trim().slice(0, 120);
  return clean || (mime === "application/pdf" ? "附件.pdf" : "附件");
}

/** Stores an uploaded file, unlinked, for whoever records 批示 or answers them. */
export async function storeInstructionFile(viewer: Viewer, bytes: Uint8Array, name: string): Promise<InstructionFileView> {
  if (!can(viewer, "record:instruction:any") && !can(viewer, "answer:instruction:own-unit")) authorize(viewer, "record:instruction:any");
  if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  const max = maxInstructionFileBytes();
  if (bytes.byteLength > max) throw new AppError("too_large", msg("upload.fileTooLarge", { mb: Math.round(max / 1024 / 1024) }), { file: ["upload.fileTooLargeField"] });
  if (bytes.byteLength === 0) throw new AppError("invalid", "media.empty", { file: ["media.empty"] });
  const mime = detectInstructionFileType(bytes);
  if (!mime) throw new AppError("invalid", "instruction.fileUnsupported", { file: ["instruction.fileUnsupportedField"] });
  const fileName = cleanName(name, mime);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(instructionFiles)
      .values({ name: fileName, mime, size: bytes.byteLength, data: Buffer.from(bytes), uploadedById: viewer.id })
      .returning({ id: instructionFiles.id });
    await recordAudit(tx, viewer, { action: "media.instruction-file", details: { mime, size: bytes.byteLength, name: fileName } });
    return { id: row!.id, name: fileName, mime, size: bytes.byteLength, url: instructionFileUrl(row!.id) };
  });
}

/**
 * Links the viewer's own unlinked uploads to an instruction (its scan) or a
 * feedback; any id that is not such an upload refuses the whole write.
 */
export async function linkInstructionFilesInTx(tx: Tx, viewer: Viewer, ids: number[], to: { instructionId: number } | { feedbackId: number }, field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  if (viewer.kind !== "user") throw new AppError("invalid", "instruction.fileNotFound", { [field]: ["instruction.fileNotFound"] });
  const linked = await tx
    .update(instructionFiles)
    .set(to)
    .where(and(inArray(instructionFiles.id, unique), eq(instructionFiles.uploadedById, viewer.id), isNull(instructionFiles.instructionId), isNull(instructionFiles.feedbackId)))
    .returning({ id: instructionFiles.id });
  if (linked.length !== unique.length) throw new AppError("invalid", "instruction.fileNotFound", { [field]: ["instruction.fileNotFound"] });
}

/** The bytes of a file, for the uploader or for whoever may see its instruction; anyone else: not found. */
export async function getInstructionFile(viewer: Viewer, id: number): Promise<{ name: string; mime: string; data: Buffer }> {
  if (!can(viewer, "read:instruction:any") && !can(viewer, "read:instruction:own-unit")) authorize(viewer, "read:instruction:any");
  if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  const db = await getDb();
  const [row] = await db
    .select({ file: instructionFiles, unitId: articles.unitId })
    .from(instructionFiles)
    .leftJoin(instructionFeedback, eq(instructionFeedback.id, instructionFiles.feedbackId))
    .leftJoin(instructions, or(eq(instructions.id, instructionFiles.instructionId), eq(instructions.id, instructionFeedback.instructionId)))
    .leftJoin(articles, eq(articles.id, instructions.articleId))
    .where(eq(instructionFiles.id, id))
    .limit(1);
  if (!row) throw new AppError("not_found", "instruction.fileNotFound");
  const linked = row.unitId !== null;
  const mayRead =
    row.file.uploadedById === viewer.id ||
    (linked && (can(viewer, "read:instruction:any") || (can(viewer, "read:instruction:own-unit") && viewer.unitId === row.unitId)));
  if (!mayRead) throw new AppError("not_found", "instruction.fileNotFound");
  return { name: row.file.name, mime: row.file.mime, data: row.file.data };
}

/** The file as an HTTP answer: shown inline, never sniffed, never run, never cached by others. */
export function instructionFileResponse(file: { name: string; mime: string; data: Buffer }): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.mime,
      "content-length": String(file.data.byteLength),
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
