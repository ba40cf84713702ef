// A picture with alt text and an optional caption (图注). Without a caption it
// is a plain <img>; with one it is <figure><img><figcaption>, so the web page,
// the print view (the same HTML) and the Word export all put the caption
// under the picture. Pasted or imported <figure>s come back with theirs.
import Image from "@tiptap/extension-image";
import { mergeAttributes } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";

export const MAX_CAPTION_LENGTH = 200;
export const MAX_ALT_LENGTH = 300;

export const CaptionedImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: null,
        parseHTML: (el: HTMLElement) => (el.tagName === "FIGURE" ? el.querySelector("figcaption")?.textContent?.trim().slice(0, MAX_CAPTION_LENGTH) || null : null),
        // Written as the figcaption below, never as an attribute of the <img>.
        renderHTML: () => ({}),
      },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (el: HTMLElement) => {
          const img = el.querySelector("img[src]");
          return img ? { src: img.getAttribute("src"), alt: img.getAttribute("alt"), title: img.getAttribute("title") } : false;
        },
      },
      ...(this.parent?.() ?? []),
    ];
  },
  renderHTML({ node, HTMLAttributes }): DOMOutputSpec {
    const img: DOMOutputSpec = ["img", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)];
    if (!node.attrs.caption) return img;
    return ["figure", { class: "captioned-image" }, img, ["figcaption", {}, String(node.attrs.caption)]];
  },
});
