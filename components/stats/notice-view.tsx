// The 信息工作通报 on an A4 sheet, as it prints: title, addressee, body,
// the ranking table with its totals, then the issuing body and date. The
// Word file (lib/render/notice-docx.ts) renders the same model.
import { sectionNumber, type Notice, type NoticeRow } from "@/lib/stats/notice";

function Row({ row, bold = false }: { row: NoticeRow; bold?: boolean }) {
  const cls = bold ? "notice-total" : undefined;
  return (
    <tr>
      <td className={cls}>{row.rank}</td>
      <th scope="row" className={bold ? "notice-total" : undefined}>
        {row.unit}
      </th>
      {row.cells.map((c, i) => (
        <td key={i} className={cls}>
          {c}
        </td>
      ))}
    </tr>
  );
}

export function NoticeView({ notice }: { notice: Notice }) {
  return (
    <article className="notice" lang="zh-CN">
      <h1 className="notice-title">{notice.title}</h1>
      <p>{notice.addressee}</p>
      {notice.paragraphs.map((p, i) => (
        <p key={i} className="notice-text">
          {p}
        </p>
      ))}
      <h2 className="notice-heading">
        {sectionNumber(0)}
        {notice.table.heading}
      </h2>
      {/* On a phone's screen the eleven columns scroll sideways inside the sheet; on paper they fit A4. */}
      <div className="notice-table-scroll">
        <table className="notice-table" data-testid="notice-table">
          <thead>
            <tr>
              {notice.table.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {notice.table.rows.map((r) => (
              <Row key={`${r.rank}-${r.unit}`} row={r} />
            ))}
            <Row row={notice.table.totals} bold />
          </tbody>
        </table>
      </div>
      {notice.lists.map((list, i) => (
        <section key={list.heading}>
          <h2 className="notice-heading">
            {sectionNumber(i + 1)}
            {list.heading}
          </h2>
          {(list.items.length ? list.items : [list.none]).map((item, j) => (
            <p key={j} className="notice-text">
              {item}
            </p>
          ))}
        </section>
      ))}
      <p className="notice-sign notice-sign-first">{notice.issuingBody}</p>
      <p className="notice-sign">{notice.date}</p>
    </article>
  );
}
