// THE list of places that show user-supplied text, for the XSS tests. Every
// place here gets the corpus (testing/xss-payloads.ts), read with the static
// check (testing/xss-static.ts): over HTTP from the real server in
// xss.spec.ts, rendered in process in testing/xss-inputs.db.test.ts, and —
// one page of each kind, about ten payloads — in Chromium with the marker and
// dialog guard (the sampler in xss.spec.ts).
// A place whose user text only exists after the browser renders it
// (`client`) is checked in Chromium with every payload that reaches it.
// The pure renderers behind several of them (IssueView, issueDocx, atomFeed,
// highlightSnippet) also run over every payload in Vitest (*-xss.test.ts).
// The tests check both ways that this list is what they cover: each test
// names the places it must reach (PlaceLog.expectChecked), and every place
// here is covered by some test and, where marked, by the sampler.

export interface Place {
  /** The address, with {placeholders}. */
  url: string;
  /** The user text it shows. */
  shows: string;
  /** How it is read: an HTML page, the Word file (through mammoth), the Atom feed (as XML). */
  kind: "html" | "docx" | "feed";
  /** User text the server does not send: rendered in the browser after hydration. */
  client?: string;
  /** A page of this kind is opened by the Chromium sampler. */
  sampler?: boolean;
}

export const XSS_PLACES = {
  // Readers.
  home: { url: "/", shows: "publication names and 来源, the latest issues' titles", kind: "html", sampler: true },
  archive: { url: "/p/{slug}", shows: "publication name and 来源, issue titles", kind: "html", sampler: true },
  issue: { url: "/p/{slug}/{year}/{number}", shows: "title, 来源, note, editor, corrections, contents, headings, article titles, bodies, attributions", kind: "html", sampler: true },
  print: { url: "/p/{slug}/{year}/{number}/print", shows: "the printed form: masthead (name, subtitle), issuing body, contents, bodies, 版记 (报送, 抄送, 印发)", kind: "html", sampler: true },
  permalink: { url: "/p/{slug}/{year}/{number}/a/{id}", shows: "an article: title, body, attribution, heading, issue title, 来源, corrections", kind: "html", sampler: true },
  docx: { url: "/p/{slug}/{year}/{number}/issue.docx", shows: "the printed form as a Word file", kind: "docx" },
  feed: { url: "/p/{slug}/feed.xml", shows: "publication name and issuing body, issue titles, 来源, headings, article titles", kind: "feed" },
  search: { url: "/search?q={q}", shows: "the query, result titles, snippets of bodies and attributions; publication and unit names in its filters", kind: "html", sampler: true },
  withdrawn: { url: "/p/{slug}/{year}/{number} (410)", shows: "the withdrawal notice: issue title, reason", kind: "html" },
  // Desks.
  desk: { url: "/workspace", shows: "article titles, units, authors; a contributor's notifications (editors' comments, 约稿 notices), open 约稿 titles and the unit's 批示 awaiting feedback", kind: "html", sampler: true },
  articleDesk: { url: "/workspace/articles/{id}", shows: "title, body, attribution, unit, author, events with comments, the title of the 约稿 it answers; 批示 (leader, text), 落实反馈, 上级采用 (office, note)", kind: "html", sampler: true },
  instructionLedger: { url: "/workspace/instructions", shows: "the 批示台账: leaders, instruction texts, article titles, units, issue titles", kind: "html" },
  history: { url: "/workspace/articles/{id}/history", shows: "revisions side by side (the diff) and their authors", kind: "html", sampler: true },
  editor: {
    url: "/workspace/articles/{id}/edit",
    shows: "title and attribution fields; the body in the editor, images with their alt text",
    kind: "html",
    client: "the body (Tiptap, immediatelyRender: false) with its images' alt text",
    sampler: true,
  },
  newArticle: { url: "/workspace/articles/new", shows: "the unit's name as the default attribution; with ?commission= the 约稿's title", kind: "html" },
  issues: { url: "/workspace/issues", shows: "issue titles, publication names", kind: "html" },
  board: { url: "/workspace/issues/{id}", shows: "the assembly board: headings, article titles and units, 来源, editor, note", kind: "html", sampler: true },
  preview: { url: "/workspace/issues/{id}/preview", shows: "the issue as readers will see it", kind: "html", sampler: true },
  stats: { url: "/workspace/stats", shows: "unit names", kind: "html" },
  commissions: { url: "/workspace/commissions", shows: "约稿 titles, the addressed units' names", kind: "html" },
  commission: { url: "/workspace/commissions/{id}", shows: "a 约稿: title, brief (rich text), the units' names, the answering articles' titles", kind: "html" },
  importDocx: { url: "/workspace/articles/import", shows: "the unit's open 约稿 titles (the commission choice)", kind: "html" },
  adminUsers: { url: "/workspace/admin?q={q}", shows: "users' names, e-mails and units", kind: "html", sampler: true },
  adminUser: { url: "/workspace/admin/users/{id}", shows: "a user's name and unit", kind: "html" },
  audit: { url: "/workspace/admin/audit", shows: "actors' names, comments", kind: "html", sampler: true },
  adminPublications: { url: "/workspace/admin/publications", shows: "publication names and issuing bodies", kind: "html", sampler: true },
  adminPublication: { url: "/workspace/admin/publications/{slug}", shows: "every publication field, in the settings form", kind: "html" },
  adminUnits: { url: "/workspace/admin/units", shows: "unit names", kind: "html", sampler: true },
} satisfies Record<string, Place>;

export type PlaceId = keyof typeof XSS_PLACES;

/** Which test covers which places, so no place is left out (checked in xss.spec.ts, and by each test at its end). */
export const PLACES_BY_TEST = {
  /** testing/xss-corpus.db.test.ts */
  corpus: [
    "issue", "print", "permalink", "docx", "feed", "search", "withdrawn", "desk", "articleDesk", "history",
    "newArticle", "board", "preview", "stats", "adminUnits",
  ],
  /** Every payload in an article body, in the editor, which only the browser renders (e2e/xss.spec.ts). */
  corpusEditor: ["editor"],
  /** testing/xss-inputs.db.test.ts: publications, comments, uploads, names, commissions, instructions. */
  publications: ["home", "search", "archive", "issue", "print", "permalink", "docx", "feed", "issues", "board", "preview", "adminPublications", "adminPublication"],
  comments: ["desk", "articleDesk", "audit"],
  uploads: ["articleDesk"],
  /** Image file names as alt text in the editor, which only the browser renders (e2e/xss-inputs.spec.ts). */
  uploadsEditor: ["editor"],
  names: ["adminUsers", "adminUser", "audit", "history", "articleDesk", "desk"],
  commissions: ["commissions", "commission", "desk", "newArticle", "articleDesk", "editor", "importDocx", "audit"],
  instructions: ["instructionLedger", "articleDesk", "desk"],
  sampler: [
    "home", "archive", "issue", "print", "permalink", "search", "desk", "articleDesk", "history", "editor", "board", "preview",
    "adminUsers", "audit", "adminPublications", "adminUnits",
  ],
} satisfies Record<string, PlaceId[]>;

/** What was checked where: pages and payload × page checks, by place. */
export class PlaceLog {
  readonly byPlace = new Map<PlaceId, { pages: number; payloads: number }>();
  pages = 0;
  payloadPages = 0;

  add(place: PlaceId, payloads: number) {
    const entry = this.byPlace.get(place) ?? { pages: 0, payloads: 0 };
    entry.pages += 1;
    entry.payloads += payloads;
    this.byPlace.set(place, entry);
    this.pages += 1;
    this.payloadPages += payloads;
  }

  /** The places this test is listed for that it did not check with at least one payload. */
  missing(test: keyof typeof PLACES_BY_TEST): PlaceId[] {
    return PLACES_BY_TEST[test].filter((p) => !(this.byPlace.get(p)?.payloads ?? 0));
  }

  summary(): string {
    return [...this.byPlace].map(([p, e]) => `${p} ${e.pages}/${e.payloads}`).join(", ");
  }
}
