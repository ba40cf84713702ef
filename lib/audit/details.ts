// An audit entry's details as readable lines (字段：值), instead of raw JSON:
// `{changed: {name: {from, to}}}` becomes 名称：旧 → 新, a layout becomes its
// sections, a date a China-time date. The page puts the field labels in the
// reader's language; unknown fields keep their key, so nothing is hidden.
import { formatDateTime } from "@/lib/format";

export interface AuditDetailLine {
  /** The field (a key of audit.fields in the catalogues when known). */
  field: string;
  value: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value as text: dates in China time, lists joined, small objects as `key: value`. */
export function auditValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return ISO.test(v) ? formatDateTime(v) : v;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "✓" : "✗";
  if (Array.isArray(v)) return v.map(auditValue).join("、");
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${auditValue(x)}`)
      .join(", ");
  }
  return String(v);
}

function isChange(v: unknown): v is { from: unknown; to: unknown } {
  return typeof v === "object" && v !== null && "from" in v && "to" in v;
}

/** The lines of an entry's details, in a stable order. */
export function auditDetailLines(details: unknown): AuditDetailLine[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [{ field: "value", value: auditValue(details) }];
  const lines: AuditDetailLine[] = [];
  for (const [field, v] of Object.entries(details as Record<string, unknown>)) {
    if (field === "changed" && typeof v === "object" && v !== null) {
      for (const [f, change] of Object.entries(v as Record<string, unknown>)) {
        lines.push({ field: f, value: isChange(change) ? `${auditValue(change.from)} → ${auditValue(change.to)}` : auditValue(change) });
      }
    } else if (field === "sections" && Array.isArray(v)) {
      // An issue layout: 【栏目】×篇数
      const parts = v.map((s: { heading?: string | null; articles?: number }) => `${s.heading ? `【${s.heading}】` : ""}×${s.articles ?? 0}`);
      lines.push({ field, value: parts.join(" ") || "—" });
    } else {
      lines.push({ field, value: auditValue(v) });
    }
  }
  return lines;
}
