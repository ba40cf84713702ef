"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { savePublicationAction } from "@/app/(workspace)/workspace/admin/actions";
import type { PublicationDetail } from "@/lib/publications/publications";

type Editable = Pick<PublicationDetail, "slug" | "name" | "issuingBody" | "subtitle" | "printRecipients" | "printCc" | "printIssuer" | "printCopies" | "showTotalNumber" | "requiresSignoff" | "printSigner">;

/** 刊物设置: masthead, issuing body (来源) and the print footer (报送/抄送/印发, copies). */
export function PublicationForm({ publication }: { publication: Editable | null }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [state, action, pending] = useActionState(savePublicationAction.bind(null, publication?.slug ?? null), null);
  useEffect(() => {
    if (state?.ok && state.data.slug !== publication?.slug) router.replace(`/workspace/admin/publications/${state.data.slug}`);
  }, [state, publication, router]);
  const err = (name: string) => fieldErrorOf(state, name);
  return (
    <form action={action} className="max-w-2xl space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("publications.name")} error={err("name")}>
          <input name="name" required defaultValue={publication?.name} className={inputClass} />
        </Field>
        <Field label={t("publications.slug")} error={err("slug")} hint={t("publications.slugHint")}>
          <input name="slug" required defaultValue={publication?.slug} pattern="[a-z0-9][a-z0-9\-]{0,39}" className={`${inputClass} font-mono`} />
        </Field>
        <Field label={t("publications.issuingBody")} error={err("issuingBody")} hint={t("publications.issuingBodyHint")}>
          <input name="issuingBody" required defaultValue={publication?.issuingBody} className={inputClass} />
        </Field>
        <Field label={t("publications.subtitle")} error={err("subtitle")}>
          <input name="subtitle" defaultValue={publication?.subtitle ?? ""} className={inputClass} />
        </Field>
      </div>
      <fieldset className="space-y-4 rounded border border-stone-200 p-4">
        <legend className="px-1 text-sm font-medium">{t("publications.footer")}</legend>
        <Field label={t("publications.printRecipients")} error={err("printRecipients")}>
          <textarea name="printRecipients" rows={2} defaultValue={publication?.printRecipients ?? ""} className={inputClass} />
        </Field>
        <Field label={t("publications.printCc")} error={err("printCc")}>
          <textarea name="printCc" rows={2} defaultValue={publication?.printCc ?? ""} className={inputClass} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("publications.printIssuer")} error={err("printIssuer")}>
            <input name="printIssuer" defaultValue={publication?.printIssuer ?? ""} className={inputClass} />
          </Field>
          <Field label={t("publications.printCopies")} error={err("printCopies")}>
            <input name="printCopies" type="number" min={1} defaultValue={publication?.printCopies ?? ""} className={inputClass} />
          </Field>
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="showTotalNumber" defaultChecked={publication?.showTotalNumber ?? true} />
        {t("publications.showTotalNumberLong")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="requiresSignoff" defaultChecked={publication?.requiresSignoff ?? true} />
        {t("publications.requiresSignoffLong")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="printSigner" defaultChecked={publication?.printSigner ?? false} />
        {t("publications.printSignerLong")}
      </label>
      <FormMessage state={state} success={t("saved")} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("saving") : publication ? t("save") : t("publications.createSubmit")}
      </button>
    </form>
  );
}
