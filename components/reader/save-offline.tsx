// On an issue page: 保存离线阅读 (this issue with its print view and pictures),
// and 下载本年全部 (every issue of its year, with a progress bar and how much
// the browser lets this site store). Rendered hidden: public/reader.js shows
// and wires it where the browser can keep pages, so the page needs no React.
import { getTranslations } from "next-intl/server";

export async function SaveOffline({ path, slug, year }: { path: string; slug: string; year: number }) {
  const t = await getTranslations("readerApp");
  const link = "underline-offset-4 hover:underline disabled:text-stone-400";
  return (
    <div
      hidden
      className="min-w-0 flex-1"
      data-testid="save-offline"
      data-save-offline=""
      data-path={path}
      data-slug={slug}
      data-year={year}
      data-text-saving={t("saving")}
      data-text-save-failed={t("saveFailed")}
      // The placeholders stay for reader.js to fill.
      data-text-some-failed={t("someFailed", { count: "{count}" })}
      data-text-progress={t("progress", { done: "{done}", total: "{total}" })}
      data-text-estimate={t("estimate", { usage: "{usage}", quota: "{quota}" })}
    >
      <div className="flex flex-wrap items-center gap-4">
        <span role="status" hidden data-part="kept">
          {t("kept")}
        </span>
        <button type="button" hidden data-part="remove" className="text-stone-500 underline underline-offset-4 hover:text-stone-900">
          {t("remove")}
        </button>
        <button type="button" data-part="save" className={link}>
          {t("save")}
        </button>
        <button type="button" data-part="save-year" className={link}>
          {t("saveYear", { year })}
        </button>
      </div>
      <div hidden data-part="progress" className="mt-2">
        <progress max={1} value={0} className="w-full" aria-label={t("saveYear", { year })} />
        <p data-part="progress-text" />
      </div>
      <p role="alert" hidden data-part="error" className="mt-1 text-red-800" />
    </div>
  );
}
