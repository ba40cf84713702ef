"use client";
// The article editor: Tiptap with the shared extension list, the toolbar,
// pictures (uploaded, described, placed where dropped or at the cursor), the
// heading and 提交审核. Saving — autosave, the local copy of unsaved edits,
// optimistic locking — is use-article-draft.ts; this draws it.
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { CharacterCount, Placeholder } from "@tiptap/extensions";
import * as Dialog from "@radix-ui/react-dialog";
import { DeskLink } from "@/components/workspace/desk-link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { extensions } from "@/lib/editor/extensions";
import { cleanPastedHtml, isPicturePaste } from "./paste";
import { ImageDialog, type ImageDetails, type ImageDialogState } from "./image-dialog";
import { Toolbar } from "./toolbar";
import { useArticleDraft, type EditableArticle } from "./use-article-draft";
import { callApi } from "@/components/workspace/api-client";
import { StatusBadge } from "@/components/workspace/status-badge";
import type { ArticleStatus } from "@/db/schema";

export type { EditableArticle };

const timeOf = (d: Date) => d.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false });

export function ArticleEditor({
  article,
  defaultAttribution,
  status: articleStatus = "draft",
  canSubmit = false,
  commissionId = null,
  children,
}: {
  article: EditableArticle | null;
  /** A new article answering this 约稿: its first save links it (撰稿回复). */
  commissionId?: number | null;
  defaultAttribution: string;
  status?: ArticleStatus;
  /** The viewer may submit this article for review (提交审核) straight from the editor. */
  canSubmit?: boolean;
  /** Shown between the heading and the form, e.g. the editor's comment on a returned article. */
  children?: ReactNode;
}) {
  const t = useTranslations("editor");
  const tp = useTranslations("articlePages");
  const ta = useTranslations("articleActions");
  const router = useRouter();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [imageDialog, setImageDialog] = useState<ImageDialogState>({ kind: "closed" });
  // Pictures pasted or dropped together are described one after the other.
  const imageQueueRef = useRef<{ file: File; at: number | null }[]>([]);
  // Where the picture being described goes: the drop point, or null for the cursor.
  const imageAtRef = useRef<number | null>(null);

  const editor = useEditor({
    extensions: [...extensions, Placeholder.configure({ placeholder: t("bodyPlaceholder") }), CharacterCount],
    content: article?.body ?? { type: "doc", content: [{ type: "paragraph" }] },
    immediatelyRender: false,
    editorProps: {
      attributes: { class: "article-body min-h-[24rem] px-6 py-4 text-[17px] leading-[1.8] outline-none", "aria-label": t("bodyLabel") },
      transformPastedHTML: cleanPastedHtml,
      handlePaste: (_view, event) => {
        const all = Array.from(event.clipboardData?.files ?? []);
        if (!isPicturePaste({ html: event.clipboardData?.getData("text/html") ?? "", files: all })) return false;
        const files = all.filter((f) => f.type.startsWith("image/"));
        queueImages(files, null);
        return true;
      },
      handleDrop: (view, event) => {
        const files = Array.from((event as DragEvent).dataTransfer?.files ?? []).filter((f) => f.type.startsWith("image/"));
        if (!files.length) return false;
        event.preventDefault();
        const e = event as DragEvent;
        queueImages(files, view.posAtCoords({ left: e.clientX, top: e.clientY })?.pos ?? null);
        return true;
      },
    },
  });
  const draft = useArticleDraft({ editor, article, defaultAttribution, commissionId });
  const { title, attribution, savedId, state, offer } = draft;

  /** 提交审核 from the editor: save what is on screen, then submit, then show the article. */
  async function submitForReview() {
    setSubmitting(true);
    setSubmitError(null);
    const id = await draft.saveAllNow();
    if (id === null) {
      setSubmitting(false);
      return;
    }
    const result = await callApi(`/api/v1/articles/${id}/submit`, { json: {} });
    if (!result.ok) {
      setSubmitting(false);
      setSubmitError(result.status === 0 ? t("offline") : (Object.values(result.error.fields ?? {})[0]?.[0] ?? result.error.message));
      return;
    }
    router.push(`/workspace/articles/${id}`);
  }

  /** Opens the picture dialog for each pasted or dropped file in turn. */
  function queueImages(files: File[], at: number | null) {
    imageQueueRef.current.push(...files.map((file) => ({ file, at })));
    setImageDialog((d) => (d.kind === "closed" ? nextQueued() : d));
  }

  function nextQueued(): ImageDialogState {
    const next = imageQueueRef.current.shift();
    imageAtRef.current = next?.at ?? null;
    return next ? { kind: "insert", file: next.file } : { kind: "closed" };
  }

  function closeImageDialog() {
    setImageDialog(nextQueued());
  }

  /** The toolbar's 图片: a new picture, or the description and caption of the one selected. */
  function openImageDialog() {
    if (editor?.isActive("image")) {
      const attrs = editor.getAttributes("image");
      setImageDialog({ kind: "edit", alt: String(attrs.alt ?? ""), caption: String(attrs.caption ?? "") });
    } else {
      imageAtRef.current = null;
      setImageDialog({ kind: "insert", file: null });
    }
  }

  /** Uploads the picture and inserts it with what the contributor wrote; the file name is never the alt text. */
  async function insertImage(file: File, details: ImageDetails): Promise<string | null> {
    const form = new FormData();
    form.append("file", file);
    const result = await callApi<{ url: string }>("/api/v1/media", { body: form });
    if (!result.ok) return t("uploadFailed", { message: result.status === 0 ? t("offline") : result.error.message });
    if (editor) {
      // At the drop point; else at the cursor — after a selected picture, never in its place.
      const { selection, doc } = editor.state;
      const at = imageAtRef.current !== null ? Math.min(imageAtRef.current, doc.content.size) : selection instanceof NodeSelection ? selection.to : { from: selection.from, to: selection.to };
      editor.chain().focus().insertContentAt(at, { type: "image", attrs: { src: result.data.url, alt: details.alt, caption: details.caption } }).run();
    }
    closeImageDialog();
    return null;
  }

  function saveImageDetails(details: ImageDetails) {
    editor?.chain().focus().updateAttributes("image", { alt: details.alt, caption: details.caption }).run();
    closeImageDialog();
  }

  const status =
    state.kind === "saved"
      ? state.at
        ? t("savedAt", { time: timeOf(state.at) })
        : t("upToDate")
      : state.kind === "saving"
        ? t("saving")
        : state.kind === "dirty"
          ? t("unsavedChanges")
          : state.kind === "error"
            ? t("saveFailed")
            : t("conflictShort");

  return (
    <div className="mx-auto max-w-4xl">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold">{savedId ? tp("editTitle") : tp("newTitle")}</h1>
        <StatusBadge status={articleStatus} />
        {savedId && (
          <DeskLink href={`/workspace/articles/${savedId}`} className="ml-auto text-sm text-stone-600 hover:underline">
            {tp("backToArticle")}
          </DeskLink>
        )}
      </div>
      {children}
      {offer && (
        <div role="alert" className="mb-4 flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
          <span>{t("localCopyFound", { time: new Date(offer.at).toLocaleString("zh-CN", { hour12: false }) })}</span>
          <button type="button" onClick={draft.restoreOffer} className="rounded bg-amber-600 px-3 py-1 text-white">
            {t("restoreLocal")}
          </button>
          <button type="button" onClick={draft.discardOffer} className="rounded border border-amber-400 px-3 py-1">
            {t("discardLocal")}
          </button>
        </div>
      )}
      <div className="mb-3 flex items-center justify-between gap-4">
        <p role="status" aria-live="polite" data-testid="save-status" className={`text-sm ${state.kind === "error" || state.kind === "conflict" ? "text-red-700" : "text-stone-500"}`}>
          {status}
          {state.kind === "error" && (
            <>
              {" "}
              <span>{state.message}</span>{" "}
              <button type="button" onClick={() => void draft.save({ force: true })} className="underline">
                {t("retry")}
              </button>
            </>
          )}
        </p>
        <span className="flex shrink-0 gap-2">
          <button type="button" onClick={() => void draft.save({ force: true })} className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">
            {t("saveNow")}
          </button>
          {canSubmit && (
            <button
              type="button"
              disabled={submitting || state.kind === "conflict"}
              onClick={() => void submitForReview()}
              className="rounded bg-green-700 px-3 py-1.5 text-sm text-white hover:bg-green-800 disabled:opacity-50"
            >
              {submitting ? ta("working") : ta("submit")}
            </button>
          )}
        </span>
      </div>
      {submitError && (
        <p role="alert" className="mb-3 text-sm text-red-700" data-testid="submit-error">
          {t("submitFailed", { message: submitError })}
        </p>
      )}
      <label className="block">
        <span className="mb-1 block text-sm font-medium text-stone-600">{t("titleLabel")}</span>
        <textarea
          value={title}
          rows={2}
          placeholder={t("titlePlaceholder")}
          onChange={(e) => draft.setTitle(e.target.value)}
          className="w-full resize-y rounded border border-stone-300 bg-white px-3 py-2 text-center font-serif text-xl font-bold leading-relaxed"
        />
      </label>
      <div className="mt-4 overflow-hidden rounded border border-stone-300 bg-white">
        {editor && <Toolbar editor={editor} onImage={openImageDialog} />}
        <div className="bulletin">
          <EditorContent editor={editor} />
        </div>
      </div>
      <ImageDialog state={imageDialog} onClose={closeImageDialog} onInsert={insertImage} onSave={saveImageDetails} />
      <div className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-stone-600">{t("attributionLabel")}</span>
          <input
            value={attribution}
            onChange={(e) => draft.setAttribution(e.target.value)}
            className="w-64 rounded border border-stone-300 bg-white px-3 py-1.5"
          />
        </label>
        <p className="text-sm text-stone-500" data-testid="char-count">
          {t("characters", { count: editor?.storage.characterCount.characters() ?? 0 })}
        </p>
      </div>

      <Dialog.Root open={state.kind === "conflict"} onOpenChange={(open) => !open && draft.dismissConflict()}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 bg-black/40" />
          <Dialog.Content className="fixed top-1/2 left-1/2 max-h-[90vh] w-[min(64rem,95vw)] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-bold">{t("conflictTitle")}</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-stone-600">{t("conflictText")}</Dialog.Description>
            {state.kind === "conflict" && (
              <div className="mt-4 grid gap-4 md:grid-cols-2">
                <section>
                  <h3 className="mb-2 font-semibold">{t("theirVersion", { version: state.current.version })}</h3>
                  <div className="max-h-80 overflow-auto rounded border border-stone-200 p-3 text-sm whitespace-pre-wrap" data-testid="conflict-theirs">
                    {state.current.title.split("\n").join(" / ")}
                    {"\n\n"}
                    {textOf(state.current.body)}
                  </div>
                </section>
                <section>
                  <h3 className="mb-2 font-semibold">{t("myVersion")}</h3>
                  <div className="max-h-80 overflow-auto rounded border border-stone-200 p-3 text-sm whitespace-pre-wrap" data-testid="conflict-mine">
                    {title.split("\n").join(" / ")}
                    {"\n\n"}
                    {editor?.getText({ blockSeparator: "\n" })}
                  </div>
                </section>
              </div>
            )}
            <div className="mt-6 flex flex-wrap justify-end gap-3">
              <button type="button" onClick={() => void draft.takeTheirs()} className="rounded border border-stone-300 px-3 py-1.5 text-sm">
                {t("takeTheirs")}
              </button>
              <button type="button" onClick={draft.keepMine} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white">
                {t("keepMine")}
              </button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}

function textOf(node: JSONContent): string {
  const blocks: string[] = [];
  const inline = (n: JSONContent): string => (n.type === "text" ? (n.text ?? "") : (n.content ?? []).map(inline).join(""));
  const walk = (n: JSONContent) => {
    if ((n.content ?? []).some((c) => c.type === "text") || n.type === "paragraph" || n.type === "heading") blocks.push(inline(n));
    else n.content?.forEach(walk);
  };
  walk(node);
  return blocks.join("\n");
}
