"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";

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

export function Toolbar({ editor, onImage }: { editor: Editor; onImage: () => void }) {
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
  const [href, setHref] = useState("https://");
  const [linkError, setLinkError] = useState<string | null>(null);
  function applyLink(e: React.FormEvent) {
    e.preventDefault();
    const url = href.trim();
    if (!LINK_URL.test(url)) return setLinkError(t("linkInvalid"));
    if (editor.state.selection.empty) chain().insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).run();
    else chain().extendMarkRange("link").setLink({ href: url }).run();
    setLinkOpen(false);
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
          setHref("https://");
          setLinkError(null);
          setLinkOpen(true);
        }}
      >
        {t("linkShort")}
      </Button>
      <Dialog open={linkOpen} onOpenChange={setLinkOpen} title={t("linkTitle")} description={t("linkHint")} trigger={<span hidden />}>
        <form onSubmit={applyLink} className="space-y-3">
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("linkPrompt")}</span>
            <input value={href} onChange={(e) => setHref(e.target.value)} className={inputClass} autoFocus inputMode="url" />
          </label>
          {linkError && (
            <p role="alert" className="text-sm text-red-700">
              {linkError}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setLinkOpen(false)}>
              {t("linkCancel")}
            </button>
            <button type="submit" className={buttonClass}>
              {t("linkApply")}
            </button>
          </div>
        </form>
      </Dialog>
      <Button label={t("image")} onClick={onImage}>{t("imageShort")}</Button>
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
