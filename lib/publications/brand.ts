// What the reader site calls itself: with one publication, that publication
// (山东脱贫攻坚简报) — the header and the page titles name it, not "简报".
import { listPublications } from "@/lib/issues/reader";

export interface ReaderBrand {
  /** The header's name: the only publication's, or null for the site's own name. */
  name: string | null;
  /** Every publication's name, oldest first. */
  publications: string[];
}

export async function readerBrand(): Promise<ReaderBrand> {
  const publications = (await listPublications()).map((p) => p.name);
  return { name: publications.length === 1 ? publications[0]! : null, publications };
}
