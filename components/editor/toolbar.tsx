"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PromptDialog } from "@/components/ui/prompt-dialog";

const LINK_URL = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

function Button({ label, onClick, active, disabled, children }: { label: string; onClick: () => void; active?: boolean; disabled?: boolean; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`min-w-8 rounded px-2 py-1 text-sm hover:bg-stone-200 disabled:opacity-40 ${active ? "bg-stone-200 font-semibold" : ""}`}
    >
      {children}
    </button>
  );
}

/** `onImage`: the 图片 button's action; without it there is no 图片 button (e.g. a commission's brief). */
export function Toolbar({ editor, onImage }: { editor: Editor; onImage?: () => void }) {
  const t = useTranslations("editor.toolbar");
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      center: e.isActive({ textAlign: "center" }),
      right: e.isActive({ textAlign: "right" }),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  // 链接: the app's dialog (not window.prompt), checked before it is applied.
  const [linkOpen, setLinkOpen] = useState(false);
  function applyLink(url: string) {
    // With nothing selected the address itself becomes the link; typing on after it is plain text again.
    if (editor.state.selection.empty) chain().insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).unsetMark("link").run();
    else chain().extendMarkRange("link").setLink({ href: url }).run();
  }
  return (
    <div role="toolbar" aria-label={t("label")} className="sticky top-0 z-10 flex flex-wrap gap-0.5 border-b border-stone-200 bg-stone-50 p-1">
      <Button label={t("undo")} onClick={() => chain().undo().run()} disabled={!s.canUndo}>↶</Button>
      <Button label={t("redo")} onClick={() => chain().redo().run()} disabled={!s.canRedo}>↷</Button>
      <span className="mx-1 w-px bg-stone-300" />
      <Button label={t("bold")} active={s.bold} onClick={() => chain().toggleBold().run()}><b>B</b></Button>
      <Button label={t("italic")} active={s.italic} onClick={() => chain().toggleItalic().run()}><i>I</i></Button>
      <Button label={t("underline")} active={s.underline} onClick={() => chain().toggleUnderline().run()}><u>U</u></Button>
      <Button label={t("heading2")} active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>H2</Button>
      <Button label={t("heading3")} active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>H3</Button>
      <span className="mx-1 w-px bg-stone-300" />
      <Button label={t("bulletList")} active={s.bullet} onClick={() => chain().toggleBulletList().run()}>•≡</Button>
      <Button label={t("orderedList")} active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>1≡</Button>
      <Button label={t("blockquote")} active={s.quote} onClick={() => chain().toggleBlockquote().run()}>❝</Button>
      <span className="mx-1 w-px bg-stone-300" />
      <Button label={t("alignLeft")} onClick={() => chain().setTextAlign("left").run()}>⇤</Button>
      <Button label={t("alignCenter")} active={s.center} onClick={() => chain().setTextAlign("center").run()}>↔</Button>
      <Button label={t("alignRight")} active={s.right} onClick={() => chain().setTextAlign("right").run()}>⇥</Button>
      <span className="mx-1 w-px bg-stone-300" />
      <Button
        label={t("link")}
        active={s.link}
        onClick={() => {
          if (s.link) return void chain().unsetLink().run();
          setLinkOpen(true);
        }}
      >
        {t("linkShort")}
      </Button>
      <PromptDialog
        open={linkOpen}
        onOpenChange={setLinkOpen}
        title={t("linkTitle")}
        description={t("linkHint")}
        label={t("linkPrompt")}
        initial="https://"
        inputMode="url"
        check={(value) => (LINK_URL.test(value.trim()) ? { value: value.trim() } : { error: t("linkInvalid") })}
        onSubmit={applyLink}
        // Back to the text, where the caret was.
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          editor.commands.focus();
        }}
      />
      {onImage && <Button label={t("image")} onClick={onImage}>{t("imageShort")}</Button>}
      <Button label={t("table")} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>{t("tableShort")}</Button>
      {s.table && (
        <>
          <Button label={t("addRow")} onClick={() => chain().addRowAfter().run()}>{t("addRowShort")}</Button>
          <Button label={t("addColumn")} onClick={() => chain().addColumnAfter().run()}>{t("addColumnShort")}</Button>
          <Button label={t("deleteTable")} onClick={() => chain().deleteTable().run()}>{t("deleteTableShort")}</Button>
        </>
      )}
    </div>
  );
}
