import type { RevisionDiff } from "@/lib/articles/revisions";
import type { DiffBlock, Segment } from "@/lib/articles/diff";

export function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.op === "insert" ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {s.text}
          </ins>
        ) : s.op === "delete" ? (
          <del key={i} className="bg-red-100 text-red-900 line-through">
            {s.text}
          </del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** A character-level diff: inserted text in green (<ins>), deleted text struck in red (<del>). */
export function DiffView({ diff }: { diff: RevisionDiff }) {
  return (
    <div className="bulletin">
      <p className="bulletin-title mb-2 text-center text-lg font-bold">
        <Segments segments={diff.title} />
      </p>
      <div className="article-body text-[17px]">
        <DiffBlocks blocks={diff.blocks} />
      </div>
      <p className="mt-2 text-right text-sm">
        (<Segments segments={diff.attribution} />)
      </p>
    </div>
  );
}

/** Paragraphs compared: changed ones with their segments, added in green, removed struck in red; `changedOnly` leaves out the unchanged. */
export function DiffBlocks({ blocks, changedOnly = false }: { blocks: DiffBlock[]; changedOnly?: boolean }) {
  return (
    <>
      {blocks.map((b, i) =>
        b.kind === "same" ? (
          changedOnly ? null : <p key={i}>{b.text}</p>
        ) : b.kind === "changed" ? (
          <p key={i} data-diff="changed">
            <Segments segments={b.segments} />
          </p>
        ) : b.kind === "added" ? (
          <p key={i} data-diff="added">
            <ins className="bg-green-100 text-green-900 no-underline">{b.text}</ins>
          </p>
        ) : (
          <p key={i} data-diff="removed">
            <del className="bg-red-100 text-red-900 line-through">{b.text}</del>
          </p>
        ),
      )}
    </>
  );
}
