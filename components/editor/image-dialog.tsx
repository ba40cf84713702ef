"use client";
// Inserting a picture: the file, its alt text (what a screen reader says —
// never the file name) and an optional caption (图注) printed under it. The
// same dialog edits the alt text and caption of a picture already placed.
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { MAX_ALT_LENGTH, MAX_CAPTION_LENGTH } from "@/lib/editor/captioned-image";

export type ImageDialogState =
  | { kind: "closed" }
  /** A new picture; `file` is set when it came by paste or drop. */
  | { kind: "insert"; file: File | null }
  | { kind: "edit"; alt: string; caption: string };

export interface ImageDetails {
  alt: string;
  caption: string | null;
}

export function ImageDialog({
  state,
  onClose,
  onInsert,
  onSave,
}: {
  state: ImageDialogState;
  onClose: () => void;
  /** Uploads and inserts; resolves to an error message, or null when done. */
  onInsert: (file: File, details: ImageDetails) => Promise<string | null>;
  onSave: (details: ImageDetails) => void;
}) {
  const t = useTranslations("editor.imageDialog");
  const [file, setFile] = useState<File | null>(null);
  // A pasted or dropped file is named here; one chosen with the input is named by the input itself.
  const [given, setGiven] = useState(false);
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const fileId = useId();
  const open = state.kind !== "closed";

  // Each opening starts from what it was opened with.
  const [openedWith, setOpenedWith] = useState<ImageDialogState>(state);
  if (openedWith !== state) {
    setOpenedWith(state);
    setFile(state.kind === "insert" ? state.file : null);
    setGiven(state.kind === "insert" && state.file !== null);
    setAlt(state.kind === "edit" ? state.alt : "");
    setCaption(state.kind === "edit" ? state.caption : "");
    setError(null);
    setPending(false);
  }

  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const details = { alt: alt.trim(), caption: caption.trim() || null };
    if (state.kind === "edit") return onSave(details);
    if (!file) return setError(t("chooseFirst"));
    setPending(true);
    setError(null);
    const failed = await onInsert(file, details);
    setPending(false);
    if (failed) setError(failed);
  }

  return (
    <Dialog.Root open={open} onOpenChange={(o) => !o && !pending && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(34rem,95vw)] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-bold">{state.kind === "edit" ? t("editTitle") : t("insertTitle")}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-stone-600">{t("description")}</Dialog.Description>
          <form onSubmit={submit} className="mt-4 space-y-4">
            {state.kind !== "edit" && (
              <div className="text-sm">
                <label htmlFor={fileId} className="mb-1 block font-medium">
                  {t("file")}
                </label>
                <input
                  id={fileId}
                  type="file"
                  accept="image/png,image/jpeg,image/webp,image/gif"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setGiven(false);
                    setError(null);
                  }}
                  className="block w-full text-sm file:mr-3 file:rounded file:border file:border-stone-300 file:bg-stone-50 file:px-3 file:py-1"
                />
                {file && given && <p className="mt-1 text-xs text-stone-500">{t("given", { name: file.name })}</p>}
              </div>
            )}
            {preview && (
              // eslint-disable-next-line @next/next/no-img-element -- a local preview (blob: URL) before upload
              <img src={preview} alt="" className="mx-auto max-h-48 rounded border border-stone-200" />
            )}
            <label className="block text-sm">
              <span className="mb-1 block font-medium">{t("alt")}</span>
              <input value={alt} required maxLength={MAX_ALT_LENGTH} onChange={(e) => setAlt(e.target.value)} placeholder={t("altPlaceholder")} className="w-full rounded border border-stone-300 px-3 py-1.5" />
              <span className="mt-1 block text-xs text-stone-500">{t("altHint")}</span>
            </label>
            <label className="block text-sm">
              <span className="mb-1 block font-medium">{t("caption")}</span>
              <input value={caption} maxLength={MAX_CAPTION_LENGTH} onChange={(e) => setCaption(e.target.value)} placeholder={t("captionPlaceholder")} className="w-full rounded border border-stone-300 px-3 py-1.5" />
              <span className="mt-1 block text-xs text-stone-500">{t("captionHint")}</span>
            </label>
            {error && (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-3">
              <Dialog.Close disabled={pending} className="rounded border border-stone-300 px-3 py-1.5 text-sm disabled:opacity-50">
                {t("cancel")}
              </Dialog.Close>
              <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
                {pending ? t("uploading") : state.kind === "edit" ? t("save") : t("insert")}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
