import { AppError } from "@/lib/errors";

/** The bytes of the multipart field `file`, refusing bodies over `maxBytes` before reading them. */
export async function readUpload(request: Request, maxBytes: number): Promise<{ bytes: Uint8Array; name: string }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  // Multipart framing adds a little; anything far over the limit is refused unread.
  if (length > maxBytes + 64 * 1024) throw new AppError("too_large", `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, { file: ["文件过大"] });
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("bad_request", "请以 multipart/form-data 上传，字段名为 file");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request", "无法读取上传的内容");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid", "缺少文件", { file: ["请选择文件"] });
  if (file.size > maxBytes) throw new AppError("too_large", `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, { file: ["文件过大"] });
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name.slice(0, 200) };
}
