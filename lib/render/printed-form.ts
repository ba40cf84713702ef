// The words of the printed 简报 form (版头 and 版记), in one place for the
// print view and the Word export, so the two cannot drift apart.
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { formatChineseDate } from "@/lib/format";

export interface PrintedForm {
  /** 版头: the publication name, printed large and red. */
  masthead: string;
  subtitle: string | null;
  /** 第88期（总第225期）; 总期号 only when the publication shows it. */
  numberLine: string;
  /** Left of the line under the number: the issuing body. */
  issuingBody: string;
  /** Right of that line: 2017年8月17日. */
  date: string;
  /** 版记 lines above the issuer: 报送 / 抄送, only those the publication has. */
  distribution: { label: string; text: string }[];
  /** 印发: the printing office (the issuing body unless the publication names another). */
  issuer: string;
  /** 共印N份, when the publication gives a number of copies. */
  copies: string | null;
  /** 编辑:刘栋 */
  editor: string | null;
  /** 签发：姓名, only for publications that print it. */
  signer: string | null;
}

export function printedForm(snapshot: IssueSnapshot): PrintedForm {
  const p = snapshot.publication;
  const series = snapshot.series === "supplement" ? "增刊" : "";
  const total = p.showTotalNumber && snapshot.totalNumber ? `（总第${snapshot.totalNumber}期）` : "";
  const distribution: PrintedForm["distribution"] = [];
  if (p.printRecipients?.trim()) distribution.push({ label: "报送", text: p.printRecipients.trim() });
  if (p.printCc?.trim()) distribution.push({ label: "抄送", text: p.printCc.trim() });
  return {
    masthead: p.name,
    subtitle: p.subtitle,
    numberLine: `${series}第${snapshot.number}期${total}`,
    issuingBody: p.issuingBody,
    date: formatChineseDate(snapshot.publishedAt),
    distribution,
    issuer: p.printIssuer?.trim() || p.issuingBody,
    copies: p.printCopies ? `共印${p.printCopies}份` : null,
    editor: snapshot.editor,
    signer: snapshot.signer?.trim() || null,
  };
}
