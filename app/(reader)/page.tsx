import { getTranslations } from "next-intl/server";
import { listPublicationsWithLatestIssues } from "@/lib/issues/reader";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getTranslations("reader");
  const withIssues = await listPublicationsWithLatestIssues(5);
  return (
    <div>
      <h1 className="font-serif text-2xl font-bold">{t("publications")}</h1>
      {withIssues.length === 0 && <p className="mt-6 text-stone-600">{t("noPublications")}</p>}
      {withIssues.map((p) => (
        <section key={p.slug} className="mt-8 rounded border border-stone-200 p-5">
          <h2 className="font-serif text-xl font-bold text-bulletin-red">
            <a href={`/p/${p.slug}`}>{p.name}</a>
          </h2>
          <p className="mt-1 text-sm text-stone-600">{t("issuingBody", { body: p.issuingBody })}</p>
          {p.issues.length === 0 ? (
            <p className="mt-4 text-stone-600">{t("noIssues")}</p>
          ) : (
            <>
              <h3 className="mt-4 text-sm font-semibold text-stone-500">{t("latestIssue")}</h3>
              <p className="mt-1">
                <a href={`/p/${p.slug}/${p.issues[0]!.year}/${p.issues[0]!.number}`} className="text-lg underline-offset-4 hover:underline">
                  {p.issues[0]!.title}
                </a>
                <span className="ml-2 text-sm text-stone-500">{formatDate(p.issues[0]!.publishedAt)}</span>
              </p>
              {p.issues.length > 1 && (
                <ul className="mt-3 space-y-1 text-sm">
                  {p.issues.slice(1).map((i) => (
                    <li key={`${i.year}-${i.number}`}>
                      <a href={`/p/${p.slug}/${i.year}/${i.number}`} className="hover:underline">
                        {i.title}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <p className="mt-4 text-sm">
            <a href={`/p/${p.slug}`} className="text-bulletin-red hover:underline">
              {t("archive")} →
            </a>
          </p>
        </section>
      ))}
    </div>
  );
}
