"use client";
// Nothing goes public on one stray click: publish, schedule, withdraw, restore
// and a correction first open this dialog naming the issue, its articles, who
// signed it and when, and the checks.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { formatDateTime } from "@/lib/format";

export interface PublicActionFacts {
  publication: string;
  /** 2017年第89期 总第226期 */
  label: string;
  articleCount: number;
  requiresSignoff: boolean;
  signedBy: string | null;
  signedAt: string | null;
  /** Failed 发布前检查 (empty: all pass). */
  problems: string[];
}

/** correctionSignoff: a correction where the publication requires 签发 (it goes to the signer, not to readers). */
export type PublicAction = "publish" | "schedule" | "withdraw" | "restore" | "correction" | "correctionSignoff";

export function ConfirmPublicDialog({
  action,
  facts,
  trigger,
  values = {},
  rows = [],
  disabled,
  onConfirm,
}: {
  action: PublicAction;
  facts: PublicActionFacts;
  /** The button that opens the dialog. */
  trigger: (props: { disabled?: boolean }) => React.ReactElement;
  /** Words for the dialog's body: {time}, {reason}, {text}. */
  values?: Record<string, string>;
  /** More facts after the article count, e.g. the article a correction concerns. */
  rows?: { label: string; value: string }[];
  disabled?: boolean;
  onConfirm: () => Promise<void> | void;
}) {
  const t = useTranslations("signoff.confirm");
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const row = "grid grid-cols-[5.5rem_1fr] gap-2 border-b border-stone-100 py-1.5";
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !busy && setOpen(o)}
      trigger={trigger({ disabled })}
      title={t(`${action}.title`)}
      description={t(`${action}.body`, { time: "", reason: "", text: "", ...values })}
    >
      <dl className="text-sm" data-testid="confirm-facts">
        <div className={row}>
          <dt className="text-stone-500">{t("publication")}</dt>
          <dd>{facts.publication}</dd>
        </div>
        <div className={row}>
          <dt className="text-stone-500">{t("issue")}</dt>
          <dd className="font-semibold">{facts.label}</dd>
        </div>
        <div className={row}>
          <dt className="text-stone-500">{t("articles")}</dt>
          <dd>{t("articleCount", { count: facts.articleCount })}</dd>
        </div>
        {rows.map((r) => (
          <div key={r.label} className={row}>
            <dt className="text-stone-500">{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
        <div className={row}>
          {/* A correction comes after the issue was signed and published: the row names that signature. */}
          <dt className="text-stone-500">{t(action === "correction" || action === "correctionSignoff" ? "issueSigner" : "signer")}</dt>
          <dd>
            {facts.signedBy && facts.signedAt
              ? t("signedByAt", { name: facts.signedBy, time: formatDateTime(facts.signedAt) })
              : facts.requiresSignoff
                ? <span className="text-red-700">{t("notSigned")}</span>
                : t("notRequired")}
          </dd>
        </div>
        <div className={row}>
          <dt className="text-stone-500">{t("checks")}</dt>
          <dd>
            {facts.problems.length === 0 ? (
              <span className="text-green-800">✓ {t("checksOk")}</span>
            ) : (
              <ul className="list-disc pl-4 text-amber-900">
                {facts.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <div className="mt-5 flex justify-end gap-3">
        <DialogClose asChild>
          <button type="button" disabled={busy} className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-50">
            {t("cancel")}
          </button>
        </DialogClose>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setOpen(false);
            }
          }}
          className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${action === "withdraw" ? "bg-red-700 hover:bg-red-800" : "bg-green-700 hover:bg-green-800"}`}
        >
          {t(`${action}.confirm`)}
        </button>
      </div>
    </Dialog>
  );
}
