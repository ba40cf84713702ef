import { apiRoute } from "@/lib/api/handler";
import { publicationAtomFeed } from "@/lib/feeds/feeds";
import { siteOrigin } from "@/lib/feeds/site-url";

/** Atom feed of a publication's published issues. */
export const GET = apiRoute<{ slug: string }>(
  async ({ params, request }) => {
    const xml = await publicationAtomFeed(params.slug, siteOrigin(request.headers, new URL(request.url).origin));
    return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "no-cache" } });
  },
  { auth: false },
);
