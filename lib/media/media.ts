// Uploaded images: checked by their content (magic bytes), not their name;
// stored in the database by content hash and served with long-lived caching.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { media } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg } from "@/lib/errors";

export const MEDIA_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const maxMediaBytes = () => Number(process.env.MEDIA_MAX_BYTES || 10 * 1024 * 1024);

/** The image type of `bytes` by signature, or null. */
export function detectImageType(bytes: Uint8Array): MediaType | null {
  const b = bytes;
  const starts = (sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x47, 0x49, 0x46, 0x38]) && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61) return "image/gif";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export const mediaUrl = (sha256: string) => `/media/${sha256}`;

/** Stores an image for a signed-in writer; the same bytes are stored once. */
export async function storeMedia(viewer: Viewer, bytes: Uint8Array): Promise<{ url: string; mime: MediaType; size: number }> {
  if (!(can(viewer, "create:article:own-unit") || can(viewer, "update:article:any"))) authorize(viewer, "update:article:any");
  if (bytes.byteLength > maxMediaBytes()) {
    throw new AppError("too_large", msg("media.imageTooLarge", { mb: Math.round(maxMediaBytes() / 1024 / 1024) }), { file: ["media.imageTooLargeField"] });
  }
  if (bytes.byteLength === 0) throw new AppError("invalid", "media.empty", { file: ["media.empty"] });
  const mime = detectImageType(bytes);
  if (!mime) throw new AppError("invalid", "media.unsupported", { file: ["media.unsupportedField"] });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Stored once per content hash; every upload is still recorded, by whoever made it.
    await tx
      .insert(media)
      .values({ sha256, mime, size: bytes.byteLength, data: Buffer.from(bytes), uploadedById: viewer.kind === "user" ? viewer.id : null })
      .onConflictDoNothing();
    await recordAudit(tx, viewer, { action: "media.upload", targetType: "media", targetId: sha256, details: { mime, size: bytes.byteLength } });
  });
  return { url: mediaUrl(sha256), mime, size: bytes.byteLength };
}

/** Media are public once uploaded: their names are unguessable content hashes. */
export async function getMedia(sha256: string) {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const db = await getDb();
  const [row] = await db.select({ mime: media.mime, data: media.data }).from(media).where(eq(media.sha256, sha256)).limit(1);
  return row ?? null;
}

/** An image an article shows, by its src (`/media/{sha256}`, as stored documents name them); anything else → null. */
export async function loadMediaBySrc(src: string): Promise<{ data: Uint8Array; mime: string } | null> {
  const m = /^\/media\/([0-9a-f]{64})$/.exec(src);
  const row = m ? await getMedia(m[1]!) : null;
  return row ? { data: new Uint8Array(row.data), mime: row.mime } : null;
}
