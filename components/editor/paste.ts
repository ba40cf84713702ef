// Word and WPS paste HTML full of styling junk; keep the structure, drop the rest.
// (The server sanitizes again whenever HTML is sent to it.)
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|script|xml|meta|link|title)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)\b[^>]*>/gi, "")
    .replace(/<\/?o:[^>]*>/gi, "")
    .replace(/<\/?(font|span)\b[^>]*>/gi, "")
    .replace(/\s(class|lang|face|color|size|width|height|valign|align)=("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    .replace(/\sstyle=("[^"]*"|'[^']*')/gi, (_m, value: string) => {
      const align = /text-align:\s*(left|right|center|justify)/i.exec(value);
      return align ? ` style="text-align:${align[1]!.toLowerCase()}"` : "";
    })
    .replace(/<p>\s*(&nbsp;|\u00a0)?\s*<\/p>/gi, "");
}
