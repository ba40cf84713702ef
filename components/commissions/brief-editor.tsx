"use client";
// A commission's brief (约稿要求): the article editor's Tiptap extensions and
// toolbar (without pictures); the form sends the document, the server
// validates it like an article body.
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { Placeholder } from "@tiptap/extensions";
import { useEffect } from "react";
import { extensions } from "@/lib/editor/extensions";
import { Toolbar } from "@/components/editor/toolbar";

export function BriefEditor({
  id,
  label,
  placeholder,
  describedBy,
  invalid,
  initialContent,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  describedBy?: string;
  invalid?: boolean;
  /** The brief being changed (修改); a new commission starts empty. */
  initialContent?: JSONContent;
  onChange: (doc: JSONContent) => void;
}) {
  const editor = useEditor({
    extensions: [...extensions, Placeholder.configure({ placeholder })],
    content: initialContent ?? { type: "doc", content: [{ type: "paragraph" }] },
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        class: "article-body min-h-40 px-4 py-3 text-[16px] leading-[1.8] outline-none",
        "aria-label": label,
        role: "textbox",
        "aria-multiline": "true",
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    if (invalid) dom.setAttribute("aria-invalid", "true");
    else dom.removeAttribute("aria-invalid");
  }, [editor, invalid]);
  return (
    <div className={`overflow-hidden rounded border bg-white ${invalid ? "border-red-500" : "border-stone-300"}`} data-testid="brief-editor">
      {editor && <Toolbar editor={editor} />}
      <div className="bulletin">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
