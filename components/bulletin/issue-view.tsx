// The one renderer of an issue: the reader page, the editor's preview and the
// print view all use it, so what is previewed is what is published.
import type { IssueSnapshot, SnapshotArticle } from "@/lib/issues/snapshot";
import type { Correction } from "@/lib/issues/reader";
import { withAttribution } from "@/lib/render/document";
import { printedForm } from "@/lib/render/printed-form";
import { formatDate, formatDateTime } from "@/lib/format";

export const articleAnchor = (id: number) => `article-${id}`;

export interface IssueViewLabels {
  contents: string;
  corrections: string;
  backToTop: string;
}

/**
 * "reader": the issue page, laid out like the seed. "print": the printed 简报
 * form (red masthead, 期号, issuing body and date, red rule, optional
 * contents, body, 版记) for the A4 print view; print.css sets the page.
 */
export type IssueVariant = "reader" | "print";

export function IssueView({
  snapshot,
  corrections = [],
  labels,
  variant = "reader",
  showContents = true,
}: {
  snapshot: IssueSnapshot;
  corrections?: Correction[];
  labels: IssueViewLabels;
  variant?: IssueVariant;
  showContents?: boolean;
}) {
  const hasSections = snapshot.sections.some((s) => s.heading);
  const print = variant === "print";
  return (
    <article className={print ? "bulletin bulletin-print" : "bulletin"} id="top">
      {print ? (
        <PrintMasthead snapshot={snapshot} />
      ) : (
        <header className="text-center">
          <h1 className="bulletin-title text-2xl leading-snug font-bold text-bulletin-red sm:text-3xl">{snapshot.title}</h1>
          <p className="mt-3 text-sm text-stone-600">
            来源: {snapshot.source} {formatDateTime(snapshot.publishedAt)}
          </p>
        </header>
      )}

      {corrections.length > 0 && (
        <aside aria-label={labels.corrections} className="mt-6 border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm">
          {corrections.map((c, i) => (
            <p key={i}>
              <strong>更正 {formatDate(c.createdAt)}:</strong> {c.text}
            </p>
          ))}
        </aside>
      )}

      {snapshot.note && <p className="mt-6 border-y border-stone-300 py-3 indent-[2em]">{snapshot.note}</p>}

      {showContents && (
        <nav aria-label={labels.contents} className={print ? "print-contents" : "mt-8 border-b border-stone-300 pb-6"}>
          {print && <p className="print-contents-title">本期目录</p>}
          {snapshot.sections.map((section, i) => (
            <div key={i} className="mt-2">
              {section.heading && <p className="font-bold">【{section.heading}】</p>}
              <ul className="mt-1 space-y-1">
                {section.articles.map((a) => (
                  <li key={a.id} className="pl-[2em]">
                    <a href={`#${articleAnchor(a.id)}`} className="text-stone-900 underline-offset-4 hover:text-bulletin-red hover:underline">
                      {a.title}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      )}

      {snapshot.sections.map((section, i) => (
        <section key={i} aria-label={section.heading ?? undefined} className="mt-8">
          {section.heading && <h2 className="bulletin-title mb-4 text-lg font-bold">【{section.heading}】</h2>}
          {section.articles.map((a) => (
            <ArticleView key={a.id} article={a} level={hasSections ? 3 : 2} />
          ))}
        </section>
      ))}

      {print ? <PrintFooter snapshot={snapshot} /> : snapshot.editor && <p className="mt-8 text-right">编辑:{snapshot.editor}</p>}
    </article>
  );
}

/** 版头: publication name in red, 期号, issuing body at left and date at right, red rule. */
function PrintMasthead({ snapshot }: { snapshot: IssueSnapshot }) {
  const form = printedForm(snapshot);
  return (
    <header className="print-masthead">
      <h1 className="print-masthead-name">{form.masthead}</h1>
      {form.subtitle && <p className="print-masthead-subtitle">{form.subtitle}</p>}
      <p className="print-number-line">{form.numberLine}</p>
      <p className="print-issue-line">
        <span>{form.issuingBody}</span>
        <span>{form.date}</span>
      </p>
      <div className="print-red-rule" aria-hidden="true" />
    </header>
  );
}

/** 版记: editor, 报送 / 抄送, and the 印发 line, between rules. */
function PrintFooter({ snapshot }: { snapshot: IssueSnapshot }) {
  const form = printedForm(snapshot);
  return (
    <footer className="print-footer">
      {form.editor && <p className="print-editor">编辑:{form.editor}</p>}
      {form.signer && <p className="print-editor">签发：{form.signer}</p>}
      <div className="print-colophon">
        {form.distribution.map((d) => (
          <p key={d.label} className="print-colophon-line">
            {d.label}：{d.text}
          </p>
        ))}
        <p className="print-colophon-line print-issuer-line">
          <span>印发：{form.issuer}</span>
          <span>
            {form.date}印发{form.copies && <>（{form.copies}）</>}
          </span>
        </p>
      </div>
    </footer>
  );
}

export function ArticleView({ article, level = 3 }: { article: SnapshotArticle; level?: 1 | 2 | 3 }) {
  const Heading = level === 1 ? "h1" : level === 2 ? "h2" : "h3";
  return (
    <section id={articleAnchor(article.id)} className="mb-10 scroll-mt-4">
      <Heading className="bulletin-title mb-4 text-center text-xl leading-relaxed font-bold">
        {article.titleLines.map((line, i) => (
          <span key={i} className="block">
            {line}
          </span>
        ))}
      </Heading>
      <div className="article-body text-[17px] sm:text-lg" dangerouslySetInnerHTML={{ __html: withAttribution(article.html, article.attribution) }} />
    </section>
  );
}
