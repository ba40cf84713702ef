"use client";
// 落实反馈: rich text in the same editor (and extension list) as articles,
// with attachments (images, PDF). Attachments are uploaded first and named by
// the feedback, which links them in its own transaction; the server sanitizes
// and validates the document like an article body.
import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { buttonClass } from "@/components/ui/styles";
import { extensions } from "@/lib/editor/extensions";
import { uploadInstructionFile } from "./upload";

export function FeedbackForm({ instructionId }: { instructionId: number }) {
  const t = useTranslations("instructions.feedback");
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const editor = useEditor({
    extensions,
    content: "",
    immediatelyRender: false,
    editorProps: {
      attributes: { class: "article-body min-h-32 px-3 py-2 text-[16px] leading-[1.8] outline-none", "aria-label": t("label"), role: "textbox", "aria-multiline": "true" },
    },
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!editor) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    const attachmentIds: number[] = [];
    for (const file of Array.from(fileRef.current?.files ?? [])) {
      const up = await uploadInstructionFile(file);
      if (!up.ok) {
        setBusy(false);
        setError({ field: "attachments", text: `${file.name}：${up.error.fields?.file?.[0] ?? up.error.message}` });
        return;
      }
      attachmentIds.push(up.data.id);
    }
    const r = await callApi<{ id: number }>(`/api/v1/instructions/${instructionId}/feedback`, { json: { body: editor.getJSON(), attachmentIds } });
    setBusy(false);
    if (!r.ok) {
      const f = r.error.fields ?? {};
      setError({ field: f.attachmentIds ? "attachments" : "body", text: f.body?.[0] ?? f.text?.[0] ?? f.attachmentIds?.[0] ?? r.error.message });
      return;
    }
    editor.commands.clearContent();
    if (fileRef.current) fileRef.current.value = "";
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="mt-3 space-y-2" data-testid={`feedback-form-${instructionId}`} aria-label={t("write")}>
      <p className="text-sm font-medium text-stone-700">{t("label")}</p>
      <div className={`bulletin rounded border bg-white ${error?.field === "body" ? "border-red-400" : "border-stone-300"}`} data-testid="feedback-editor">
        <EditorContent editor={editor} />
      </div>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">{t("attachments")}</span>
        <input ref={fileRef} type="file" multiple accept="image/png,image/jpeg,image/webp,image/gif,application/pdf" name="attachments" className="block text-sm" />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={busy || !editor}>
          {t("submit")}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error.text}
          </p>
        )}
        {saved && (
          <p role="status" className="text-sm text-green-800">
            {t("saved")}
          </p>
        )}
      </div>
    </form>
  );
}
