// The one table of the desks: a white, full-width list of rows with a header
// row, an optional totals row, a caption for screen readers, and sideways
// scrolling when too wide.
// Pages say what the columns are; the look lives here.
import type { ReactNode } from "react";

export interface Column<T> {
  /** The column's heading; give `srOnly` when it is a column of buttons. */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers are right-aligned, with tabular digits. */
  align?: "left" | "right";
  /** Left out below the `sm` breakpoint (say it in the first column's phone line instead). */
  hideOnPhone?: boolean;
  srOnly?: boolean;
  /**
   * Long text (a title, an entry's details) wraps, in a column at least 12rem
   * wide (or the `min-w-…` of its className). Every other cell keeps to one line — a name, a role, a date or a
   * button split one character a line on a phone was unreadable — and the
   * table scrolls sideways instead.
   */
  wrap?: boolean;
  /** Classes of the column's cells, e.g. `font-mono text-xs`. */
  className?: string;
  /** A cell's hover text, e.g. what a count is made of. */
  title?: (row: T) => string | undefined;
  /** The column's cell in the totals row at the foot (合计); the row is shown when a column has one. */
  footer?: ReactNode;
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  rowId,
  testId,
}: {
  /** For screen readers: what the table lists. */
  caption?: string;
  /** `false` leaves a column out (e.g. one only administrators see). */
  columns: (Column<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  rowClassName?: (row: T) => string;
  /** An id per row, so a link can point at one (`#unit-3`). */
  rowId?: (row: T) => string;
  testId?: string;
}) {
  const shown = columns.filter((c): c is Column<T> => c !== false);
  const minWidth = (c: Column<T>) => (/\bmin-w-/.test(c.className ?? "") ? "" : "min-w-48");
  const place = (c: Column<T>) => [c.align === "right" ? "text-right" : "", c.hideOnPhone ? "hidden sm:table-cell" : "", c.wrap ? minWidth(c) : "whitespace-nowrap"].join(" ");
  const digits = (c: Column<T>) => (c.align === "right" ? "tabular-nums" : "");
  const footed = shown.some((c) => c.footer !== undefined);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm" data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-500">
            {shown.map((c, i) => (
              <th key={i} scope="col" className={`px-3 py-2 font-medium ${place(c)}`}>
                {c.srOnly ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} id={rowId?.(row)} className={`border-b border-stone-100 ${rowClassName?.(row) ?? ""}`}>
              {shown.map((c, i) => (
                <td key={i} className={`px-3 py-2 ${place(c)} ${digits(c)} ${c.className ?? ""}`} title={c.title?.(row)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footed ? (
          <tfoot>
            <tr className="border-t border-stone-300 font-medium">
              {shown.map((c, i) => (
                <td key={i} className={`px-3 py-2 ${place(c)} ${digits(c)}`}>
                  {c.footer}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
