import { AppError, msg } from "@/lib/errors";
import { readBodyCapped } from "./body";

/** The bytes of the multipart field `file`, refusing bodies over `maxBytes` before reading them. */
export async function readUpload(request: Request, maxBytes: number): Promise<{ bytes: Uint8Array; name: string }> {
  const tooLarge = () => new AppError("too_large", msg("upload.fileTooLarge", { mb: Math.round(maxBytes / 1024 / 1024) }), { file: ["upload.fileTooLargeField"] });
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    throw new AppError("bad_request", "upload.notMultipart");
  }
  // Multipart framing adds a little; anything far over the limit is refused unread, or as soon as it is seen to be.
  const body = await readBodyCapped(request, maxBytes + 64 * 1024, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "upload.unreadable");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid", "upload.missingFile", { file: ["upload.chooseFile"] });
  if (file.size > maxBytes) throw tooLarge();
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name.slice(0, 200) };
}
