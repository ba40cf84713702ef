import { AppError } from "@/lib/errors";
import { readBodyCapped } from "./body";

/** The bytes of the multipart field `file`, refusing bodies over `maxBytes` before reading them. */
export async function readUpload(request: Request, maxBytes: number): Promise<{ bytes: Uint8Array; name: string }> {
  const tooLarge = () => new AppError("too_large", `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, { file: ["文件过大"] });
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    throw new AppError("bad_request", "请以 multipart/form-data 上传，字段名为 file");
  }
  // Multipart framing adds a little; anything far over the limit is refused unread, or as soon as it is seen to be.
  const body = await readBodyCapped(request, maxBytes + 64 * 1024, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "无法读取上传的内容");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid", "缺少文件", { file: ["请选择文件"] });
  if (file.size > maxBytes) throw tooLarge();
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name.slice(0, 200) };
}
