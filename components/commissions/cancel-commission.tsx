"use client";
// 撤销约稿: asks for the reason (required, at most 500 characters) in the
// desks' dialog and confirms; the server checks both again, and the version
// read with the page (a stale one: the dialog says so and nothing changes).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { dangerButtonClass, inputClass } from "@/components/ui/styles";

const REASON_MAX = 500;

export function CancelCommission({ id, version, title }: { id: number; version: number; title: string }) {
  const t = useTranslations("commissions.cancel");
  const router = useRouter();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    const text = reason.trim();
    if (!text) return setError(t("reasonRequired"));
    if ([...text].length > REASON_MAX) return setError(t("reasonTooLong", { max: REASON_MAX }));
    setPending(true);
    setError(null);
    const r = await callApi(`/api/v1/commissions/${id}/cancel`, { json: { version, reason: text } });
    setPending(false);
    if (!r.ok) return setError(r.error.fields?.reason?.[0] ?? r.error.message);
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
      trigger={
        <button type="button" className={dangerButtonClass}>
          {t("button")}
        </button>
      }
      title={t("title")}
      description={t("description", { title })}
    >
      <form onSubmit={confirm} className="space-y-3" noValidate>
        <label htmlFor={reasonId} className="block text-sm font-medium">
          {t("reason")}
        </label>
        <textarea
          id={reasonId}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={4}
          maxLength={REASON_MAX}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${reasonId}-note`}
          className={inputClass}
        />
        <p id={`${reasonId}-note`} role={error ? "alert" : undefined} className={`text-xs ${error ? "text-red-700" : "text-stone-500"}`}>
          {error ?? t("reasonHint", { max: REASON_MAX })}
        </p>
        <div className="flex justify-end gap-2">
          <DialogCancel disabled={pending}>{t("keep")}</DialogCancel>
          <button type="submit" disabled={pending} className={dangerButtonClass}>
            {pending ? t("working") : t("confirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
