import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { indexTokens, MAX_QUERY_CHARS, parseQuery, textRuns } from "./tokens";
import { highlightSnippet, matchRanges } from "./snippet";

describe("CJK tokens", () => {
  it("cuts CJK runs into bigrams plus the last character, and words into lower-case words", () => {
    expect(indexTokens("插花贫困户")).toEqual(["插花", "花贫", "贫困", "困户", "户"]);
    expect(indexTokens("对于插花贫困户,加大")).toEqual(["对于", "于插", "插花", "花贫", "贫困", "困户", "户", "加大", "大"]);
    expect(indexTokens("“八个精准”要求")).toEqual(["八个", "个精", "精准", "准", "要求", "求"]);
    expect(indexTokens("2017年第88期 Word ＡＢＣ")).toEqual(["2017", "年第", "第", "88", "期", "word", "abc"]);
    expect(indexTokens("")).toEqual([]);
  });

  it("treats punctuation, operators and SQL as separators only", () => {
    expect(textRuns("a&b|c!d<->e:*f'g\"h;--i(j)")).toEqual("abcdefghij".split("").map((t) => ({ kind: "word", text: t })));
  });
});

describe("parseQuery", () => {
  it("turns a CJK run into a phrase of bigrams and ANDs the runs", () => {
    expect(parseQuery("插花贫困户")).toEqual({
      ok: true,
      tsquery: "('插花' <-> '花贫' <-> '贫困' <-> '困户')",
      lexemes: "'插花' & '花贫' & '贫困' & '困户'",
      needles: ["插花贫困户"],
    });
    expect(parseQuery("法律援助 2017")).toMatchObject({ tsquery: "('法律' <-> '律援' <-> '援助') & '2017'" });
    expect(parseQuery("精准")).toMatchObject({ tsquery: "'精准'" });
    expect(parseQuery("户")).toMatchObject({ tsquery: "'户':*", lexemes: "'户':*" });
    expect(parseQuery("Word扶贫")).toMatchObject({ tsquery: "'word' & '扶贫'", lexemes: "'word' & '扶贫'", needles: ["word", "扶贫"] });
    expect(parseQuery("2倍 法律援助")).toMatchObject({ lexemes: "'2' & '倍':* & '法律' & '律援' & '援助'" });
  });

  it("finds nothing to search in empty, punctuation-only or operator-only input", () => {
    for (const q of ["", "   ", "，。！？", "&|!<->():*'\"", "'; drop table users; --"]) {
      const parsed = parseQuery(q);
      if (q.includes("drop")) expect(parsed).toMatchObject({ ok: true, tsquery: "'drop' & 'table' & 'users'" });
      else expect(parsed, q).toEqual({ ok: false, reason: "empty" });
    }
  });

  it("refuses queries that are too long", () => {
    expect(parseQuery("扶".repeat(10_000))).toEqual({ ok: false, reason: "too_long" });
    expect(parseQuery("扶".repeat(MAX_QUERY_CHARS))).toMatchObject({ ok: false, reason: "too_long" }); // 99 bigrams > token limit
    expect(parseQuery("扶".repeat(40)).ok).toBe(true);
  });

  it("only ever produces quoted letter/digit lexemes joined by its own operators", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (q) => {
        const parsed = parseQuery(q);
        if (!parsed.ok) return;
        const stripped = parsed.tsquery.replace(/'[\p{L}\p{N}]+'(:\*)?/gu, "X");
        expect(stripped).toMatch(/^[X()<\->& ]+$/);
        expect(parsed.lexemes.replace(/'[\p{L}\p{N}]+'(:\*)?/gu, "X")).toMatch(/^X( & X)*$/);
      }),
    );
  });
});

describe("highlightSnippet", () => {
  it("marks every match and escapes everything else", () => {
    expect(highlightSnippet("<b>插花贫困户</b> & 插花", ["插花"])).toBe("&lt;b&gt;<mark>插花</mark>贫困户&lt;/b&gt; &amp; <mark>插花</mark>");
  });

  it("matches case-insensitively and across full-width forms, keeping the original text", () => {
    expect(highlightSnippet("Hello ＷＯＲＬＤ", ["world"])).toBe("Hello <mark>ＷＯＲＬＤ</mark>");
    expect(matchRanges("aXa", ["x"])).toEqual([{ start: 1, end: 2 }]);
  });

  it("never cuts a match at the window's end: 扶贫 is shown whole, not 扶…", () => {
    // The window (60 from 15 before the first match) ends on the 扶 of the second 扶贫.
    const text = "甲".repeat(20) + "扶贫" + "乙".repeat(42) + "扶贫" + "丙".repeat(50);
    const s = highlightSnippet(text, ["扶贫"], 60);
    expect(s).toContain("<mark>扶贫</mark>" + "乙".repeat(42) + "<mark>扶贫</mark>…");
    expect(s).not.toContain("<mark>扶</mark>");
  });

  it("shows a window around the first match", () => {
    const text = "甲".repeat(300) + "插花贫困户" + "乙".repeat(300);
    const s = highlightSnippet(text, ["插花贫困户"], 60);
    expect(s.startsWith("…")).toBe(true);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toContain("<mark>插花贫困户</mark>");
    expect(Array.from(s.replace(/<\/?mark>/g, "")).length).toBeLessThanOrEqual(62);
  });
});
