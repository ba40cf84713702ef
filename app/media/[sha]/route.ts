import { getMedia } from "@/lib/media/media";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ sha: string }> }) {
  const { sha } = await params;
  const file = await getMedia(sha);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.mime,
      "content-length": String(file.data.byteLength),
      // The name is the content hash: the bytes never change.
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${sha}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
