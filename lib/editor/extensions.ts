// The single Tiptap extension list: the editor, the server-side validator and
// the server-side renderer all use it, so what is written is what is printed.
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { CaptionedImage } from "./captioned-image";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import TextAlign from "@tiptap/extension-text-align";

export const extensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
    codeBlock: false,
    code: false,
  }),
  CaptionedImage.configure({ allowBase64: false, inline: false }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  TextAlign.configure({ types: ["heading", "paragraph"], alignments: ["left", "center", "right", "justify"] }),
];
