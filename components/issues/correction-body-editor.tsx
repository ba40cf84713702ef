"use client";
// The corrected text of one published article: the same Tiptap extensions as
// the article editor, started from the text readers see now. Nothing is saved
// here; the correction form sends the document with the correction.
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useEffect } from "react";
import { extensions } from "@/lib/editor/extensions";

export function CorrectionBodyEditor({ initial, label, onChange }: { initial: JSONContent; label: string; onChange: (doc: JSONContent) => void }) {
  const editor = useEditor({
    extensions,
    content: initial,
    immediatelyRender: false,
    editorProps: {
      attributes: { class: "article-body min-h-40 px-4 py-3 text-[17px] leading-[1.8] outline-none", "aria-label": label, role: "textbox", "aria-multiline": "true" },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });
  // The form starts from the current text, so sending it unchanged is sending what readers see.
  useEffect(() => {
    if (editor) onChange(editor.getJSON());
  }, [editor, onChange]);
  return (
    <div className="bulletin rounded border border-stone-300 bg-white" data-testid="correction-body">
      <EditorContent editor={editor} />
    </div>
  );
}
