"use client";
// Status actions on an article. The buttons shown come from the server; the
// API checks every call again.
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Transition } from "@/lib/articles/status";
import { callApi } from "./api-client";

const NEEDS_COMMENT: Transition[] = ["return", "reject"];
const PRIMARY: Transition[] = ["submit", "accept"];

export function ArticleActions({ articleId, transitions }: { articleId: number; transitions: Transition[] }) {
  const t = useTranslations("articleActions");
  const router = useRouter();
  const [pending, setPending] = useState<Transition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Transition | null>(null);
  const [comment, setComment] = useState("");

  async function run(transition: Transition, withComment?: string) {
    setPending(transition);
    setError(null);
    const result = await callApi(`/api/v1/articles/${articleId}/${transition}`, { json: withComment ? { comment: withComment } : {} });
    setPending(null);
    if (!result.ok) {
      setError(result.error.fields?.comment?.[0] ?? result.error.message);
      return false;
    }
    setDialog(null);
    setComment("");
    router.refresh();
    return true;
  }

  if (!transitions.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {transitions.map((tr) => (
        <button
          key={tr}
          type="button"
          disabled={pending !== null}
          onClick={() => (NEEDS_COMMENT.includes(tr) ? setDialog(tr) : void run(tr))}
          className={`rounded px-3 py-1.5 text-sm disabled:opacity-50 ${
            PRIMARY.includes(tr) ? "bg-green-700 text-white hover:bg-green-800" : tr === "reject" ? "border border-red-300 text-red-800 hover:bg-red-50" : "border border-stone-300 hover:bg-stone-100"
          }`}
        >
          {pending === tr ? t("working") : t(tr)}
        </button>
      ))}
      {error && !dialog && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Dialog.Root open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-black/40" />
          <Dialog.Content className="fixed top-1/2 left-1/2 w-[min(32rem,95vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-bold">{dialog ? t(`${dialog}Title` as "returnTitle") : ""}</Dialog.Title>
            <Dialog.Description className="mt-1 text-sm text-stone-600">{t("commentRequired")}</Dialog.Description>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (dialog) void run(dialog, comment);
              }}
            >
              <label className="mt-4 block text-sm">
                <span className="mb-1 block font-medium">{t("comment")}</span>
                <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={4} required className="w-full rounded border border-stone-300 px-3 py-2" />
              </label>
              {error && (
                <p role="alert" className="mt-2 text-sm text-red-700">
                  {error}
                </p>
              )}
              <div className="mt-4 flex justify-end gap-3">
                <Dialog.Close className="rounded border border-stone-300 px-3 py-1.5 text-sm">{t("cancel")}</Dialog.Close>
                <button type="submit" disabled={pending !== null} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
                  {dialog ? t(dialog) : ""}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
