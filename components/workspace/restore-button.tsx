"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "./api-client";

export function RestoreButton({ articleId, revision, currentVersion }: { articleId: number; revision: number; currentVersion: number }) {
  const t = useTranslations("articlePages");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100"
        onClick={async () => {
          setPending(true);
          const r = await callApi(`/api/v1/articles/${articleId}/restore`, { json: { revision, version: currentVersion } });
          setPending(false);
          if (r.ok) router.refresh();
          else setError(r.error.message);
        }}
      >
        {t("restore", { version: revision })}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
