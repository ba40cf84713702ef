"use client";
// The issue in the two forms it will take — the web page and the printed
// 简报 — one at a time (a phone has room for one).
import { useTranslations } from "next-intl";
import { useState } from "react";

export function IssueForms({ web, print }: { web: React.ReactNode; print: React.ReactNode }) {
  const t = useTranslations("signoff.forms");
  const [tab, setTab] = useState<"web" | "print">("web");
  const tabClass = (on: boolean) => `flex-1 rounded-t border border-b-0 px-3 py-2 text-sm sm:flex-none ${on ? "border-stone-300 bg-white font-semibold" : "border-transparent text-stone-600"}`;
  return (
    <section aria-label={t("label")}>
      <div role="tablist" aria-label={t("label")} className="flex gap-1 border-b border-stone-300">
        {(["web", "print"] as const).map((k) => (
          <button key={k} type="button" role="tab" id={`form-tab-${k}`} aria-selected={tab === k} aria-controls={`form-panel-${k}`} onClick={() => setTab(k)} className={tabClass(tab === k)}>
            {t(k)}
          </button>
        ))}
      </div>
      <p className="mt-2 text-xs text-stone-500">{t("note")}</p>
      {/* One at a time in the DOM: both carry the same article anchors. */}
      {tab === "web" ? (
        <div role="tabpanel" id="form-panel-web" aria-labelledby="form-tab-web" className="mt-2 rounded border border-stone-200 bg-white px-4 py-6 sm:px-8">
          {web}
        </div>
      ) : (
        <div role="tabpanel" id="form-panel-print" aria-labelledby="form-tab-print" className="mt-2 overflow-x-auto bg-stone-200 py-3">
          {print}
        </div>
      )}
    </section>
  );
}
