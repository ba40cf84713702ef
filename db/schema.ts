// The one database schema, shared by PGlite (embedded) and PostgreSQL.
// Constraints live here, not only in code: foreign keys, the two numbering
// uniques, and status checks.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/**
 * signer: 签发人, the office's leader who signs an issue off before it goes out.
 * 三权分立 (issue 21 item 6): system, security and audit administrators
 * (系统管理员, 安全管理员, 审计管理员) split `admin`'s powers; with
 * CMS_SEPARATION_OF_DUTIES=strict `admin` holds none (lib/auth/permissions.ts).
 */
export const ROLES = ["admin", "editor", "signer", "contributor", "sysadmin", "secadmin", "auditadmin"] as const;
export type Role = (typeof ROLES)[number];

/** 稿件状态 — the contract's article status machine. */
export const ARTICLE_STATUSES = ["draft", "submitted", "returned", "accepted", "rejected", "published"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * 期状态 (contract). awaiting_signoff: the editor asked for 签发; signed: a
 * signer approved exactly what the preview showed (see lib/issues/signoff.ts).
 */
export const ISSUE_STATUSES = ["draft", "awaiting_signoff", "signed", "scheduled", "published", "withdrawn"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** 供稿单位 */
export const units = pgTable("units", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  shortName: text("short_name"),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    unitId: integer("unit_id").references(() => units.id),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** When the password was last set: with a password expiry in the policy, an older one must be changed. */
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Failed sign-ins before this moment no longer count: an administrator lifted the lock. */
    unlockedAt: timestamp("unlocked_at", { withTimezone: true }),
    /** Sessions issued before this moment are refused: sign-out, a password change or reset, deactivation. */
    sessionsRevokedAt: timestamp("sessions_revoked_at", { withTimezone: true }),
    /** TOTP (RFC 6238) secret, base32; set by enrolment, in force once `totpEnabledAt` is set. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /**
     * The last TOTP time step (Unix seconds / 30) accepted for this user: a code
     * is good once, so a step at or below it is refused (replay within the ±1-step window).
     */
    totpLastStep: integer("totp_last_step"),
    /** SHA-256 hashes of the unused recovery codes (each works once). */
    recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_role_check", sql`${t.role} in ('admin', 'editor', 'signer', 'contributor', 'sysadmin', 'secadmin', 'auditadmin')`),
    // A contributor always writes for a unit.
    check("users_contributor_unit_check", sql`${t.role} <> 'contributor' or ${t.unitId} is not null`),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
  ],
);

/** 刊物 */
export const publications = pgTable("publications", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  issuingBody: text("issuing_body").notNull(),
  subtitle: text("subtitle"),
  // 报尾: distribution lines printed at the foot of the printed form.
  printRecipients: text("print_recipients"), // 报送
  printCc: text("print_cc"), // 抄送
  printIssuer: text("print_issuer"), // 印发
  printCopies: integer("print_copies"),
  showTotalNumber: boolean("show_total_number").notNull().default(true),
  // 签发: no issue is published or scheduled before a signer signs it.
  requiresSignoff: boolean("requires_signoff").notNull().default(true),
  // A `签发：姓名` line in the printed form and the Word file (some offices print it).
  printSigner: boolean("print_signer").notNull().default(false),
  createdAt: createdAt(),
});

export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    publicationId: integer("publication_id").references(() => publications.id),
    // Lines of a multi-line title are separated by "\n"; the contents join them.
    title: text("title").notNull(),
    body: jsonb("body").notNull(),
    attribution: text("attribution").notNull(),
    status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The 约稿 this article answers (lib/commissions): only a commission addressed to the article's unit. */
    commissionId: integer("commission_id").references((): AnyPgColumn => commissions.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "articles_status_check",
      sql`${t.status} in ('draft', 'submitted', 'returned', 'accepted', 'rejected', 'published')`,
    ),
    check("articles_version_check", sql`${t.version} >= 1`),
    index("articles_unit_status_idx").on(t.unitId, t.status, t.updatedAt),
    index("articles_status_updated_idx").on(t.status, t.updatedAt),
    // The editors' inbox across all statuses, newest first, paged by key.
    index("articles_updated_idx").on(t.updatedAt, t.id),
    // A commission's answers, by unit.
    index("articles_commission_idx").on(t.commissionId, t.unitId).where(sql`${t.commissionId} is not null`),
  ],
);

/**
 * 约稿 (信息约稿通知单): an editor asks named units for an article on a topic by
 * a deadline. The brief is Tiptap JSON like an article body. Whether a unit
 * answered (on time or late) or missed it is computed from its linked
 * articles' submissions and a clock (lib/commissions/commissions.ts), never stored.
 */
export const commissions = pgTable(
  "commissions",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    brief: jsonb("brief").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    publicationId: integer("publication_id").references(() => publications.id),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic locking: a change or a cancellation carries the version it was based on. */
    version: integer("version").notNull().default(1),
    /** 撤销: when, why and by whom. A cancelled commission is off the units' desks, takes no answers and is not scored. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    cancelledById: integer("cancelled_by_id").references(() => users.id),
  },
  (t) => [
    index("commissions_deadline_idx").on(t.deadline, t.id),
    check("commissions_version_check", sql`${t.version} >= 1`),
    check("commissions_cancel_check", sql`(${t.cancelledAt} is null) = (${t.cancelReason} is null)`),
  ],
);

/** The units a commission is addressed to; `remindedAt`: the day-before reminder went out (once per commission and unit). */
export const commissionUnits = pgTable(
  "commission_units",
  {
    commissionId: integer("commission_id")
      .notNull()
      .references(() => commissions.id, { onDelete: "cascade" }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.commissionId, t.unitId] }), index("commission_units_unit_idx").on(t.unitId, t.commissionId)],
);

export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: jsonb("body").notNull(),
    attribution: text("attribution").notNull(),
    authorId: integer("author_id").references(() => users.id),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [unique("article_revisions_article_version_key").on(t.articleId, t.version)],
);

/** Every status transition, with who, when and the editor's comment. */
export const articleEvents = pgTable(
  "article_events",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    comment: text("comment"),
    actorId: integer("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("article_events_article_idx").on(t.articleId, t.createdAt),
    // Statistics count events in a period.
    index("article_events_created_idx").on(t.createdAt, t.type),
  ],
);

/** 期. Numbers are unique per publication and series; the database enforces it. */
export const issues = pgTable(
  "issues",
  {
    id: serial("id").primaryKey(),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    // "regular" issues, or a separately numbered supplement series (增刊).
    series: text("series").notNull().default("regular"),
    year: integer("year").notNull(),
    number: integer("number").notNull(), // 第N期: within the year
    totalNumber: integer("total_number"), // 总第N期: cumulative across years
    status: text("status", { enum: ISSUE_STATUSES }).notNull().default("draft"),
    source: text("source"), // 来源; null means the publication's issuing body
    editorName: text("editor_name"), // 编辑
    note: text("note"), // 按语
    publishedAt: timestamp("published_at", { withTimezone: true }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    // 签发: who signed, when, and the hash of exactly what they signed
    // (lib/issues/signoff.ts); publishing checks the content still has it.
    signedById: integer("signed_by_id").references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedHash: text("signed_hash"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("issues_publication_year_number_key").on(t.publicationId, t.series, t.year, t.number),
    unique("issues_publication_total_number_key").on(t.publicationId, t.series, t.totalNumber),
    check("issues_status_check", sql`${t.status} in ('draft', 'awaiting_signoff', 'signed', 'scheduled', 'published', 'withdrawn')`),
    // A signed issue always says who signed what.
    check("issues_signed_check", sql`${t.status} <> 'signed' or (${t.signedById} is not null and ${t.signedAt} is not null and ${t.signedHash} is not null)`),
    check("issues_series_check", sql`${t.series} in ('regular', 'supplement')`),
    check("issues_number_check", sql`${t.number} >= 1 and (${t.totalNumber} is null or ${t.totalNumber} >= 1)`),
    check("issues_year_check", sql`${t.year} between 1949 and 9999`),
    index("issues_publication_status_idx").on(t.publicationId, t.status, t.year, t.number),
  ],
);

/** 栏目: an ordered heading inside an issue. */
export const sections = pgTable(
  "sections",
  {
    id: serial("id").primaryKey(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    heading: text("heading").notNull(),
  },
  (t) => [index("sections_issue_idx").on(t.issueId, t.position)],
);

/** Where an article sits in an issue: a section (or none: before the first section) and an order. */
export const placements = pgTable(
  "placements",
  {
    id: serial("id").primaryKey(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    sectionId: integer("section_id").references(() => sections.id, { onDelete: "set null" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    position: integer("position").notNull(),
  },
  // An article appears in at most one issue.
  (t) => [uniqueIndex("placements_article_key").on(t.articleId), index("placements_issue_idx").on(t.issueId)],
);

/**
 * An issue's history of sign-off (签发): requested, signed, returned with the
 * signer's comment, voided by a change. A request keeps the content it asked
 * to be signed, so a later request can show what changed since a return.
 */
export const issueEvents = pgTable(
  "issue_events",
  {
    id: serial("id").primaryKey(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    comment: text("comment"),
    contentHash: text("content_hash"),
    content: jsonb("content"),
    actorId: integer("actor_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("issue_events_issue_idx").on(t.issueId, t.id)],
);

/**
 * What readers see, frozen at publication. Readers only ever read snapshots,
 * so later edits to an article never change a published issue silently; a
 * correction writes a new snapshot and keeps the earlier ones.
 */
export const issueSnapshots = pgTable(
  "issue_snapshots",
  {
    id: serial("id").primaryKey(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    content: jsonb("content").notNull(),
    reason: text("reason").notNull().default("publish"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("issue_snapshots_issue_idx").on(t.issueId, t.id)],
);

/**
 * 更正 status: `published` is shown to readers (in a snapshot); where the
 * publication requires 签发 a correction waits `pending` until a signer signs
 * it (then `published`) or returns it (`returned`, with the comment).
 */
export const CORRECTION_STATUSES = ["pending", "published", "returned"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** 更正: a dated, public correction to a published issue. */
export const corrections = pgTable(
  "corrections",
  {
    id: serial("id").primaryKey(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    articleId: integer("article_id").references(() => articles.id),
    text: text("text").notNull(),
    status: text("status", { enum: CORRECTION_STATUSES }).notNull().default("published"),
    // The article's new text (Tiptap JSON), when the correction replaces it.
    body: jsonb("body"),
    // The snapshot readers saw when the correction was asked for: the diff and the signature are against it.
    baseSnapshotId: integer("base_snapshot_id").references(() => issueSnapshots.id),
    // Hash of the corrected content (lib/issues/corrections.ts); a signature covers exactly it.
    contentHash: text("content_hash"),
    // The snapshot that shows it to readers (set when published).
    snapshotId: integer("snapshot_id").references(() => issueSnapshots.id),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    // 签发 or 退回 of a correction: who, when, the comment.
    decidedById: integer("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionComment: text("decision_comment"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    index("corrections_issue_idx").on(t.issueId),
    check("corrections_status_check", sql`${t.status} in ('pending', 'published', 'returned')`),
    check("corrections_published_check", sql`${t.status} <> 'published' or ${t.snapshotId} is not null`),
    // One correction at a time waits for 签发 per issue: each is drafted against what readers see.
    uniqueIndex("corrections_one_pending_key").on(t.issueId).where(sql`${t.status} = 'pending'`),
  ],
);

export const media = pgTable("media", {
  id: serial("id").primaryKey(),
  sha256: text("sha256").notNull().unique(),
  mime: text("mime").notNull(),
  size: integer("size").notNull(),
  data: bytea("data").notNull(),
  uploadedById: integer("uploaded_by_id").references(() => users.id),
  createdAt: createdAt(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details"),
    ip: text("ip"),
    createdAt: createdAt(),
    // Hash chain (等保 安全审计): set by the database on insert (trigger in the
    // audit_append_only migration); `npm run cms -- audit verify` checks it.
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    uniqueIndex("audit_log_chain_seq_idx").on(t.chainSeq),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // sha256 of the token; the token itself is shown once and never stored.
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** After this the token is refused (1 year unless said at creation); null only for tokens made before expiry existed. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** `read`: GET and HEAD only; `write`: everything its user may do. */
    scope: text("scope", { enum: ["read", "write"] }).notNull().default("write"),
    createdAt: createdAt(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId), check("api_tokens_scope_check", sql`${t.scope} in ('read', 'write')`)],
);

/**
 * Signed-in browser sessions (等保 身份鉴别 b): the session cookie carries only
 * the id. A session ends when it is signed out or revoked, after
 * SESSION_IDLE_MINUTES without a request, or SESSION_MAX_HOURS after sign-in.
 */
export const sessions = pgTable(
  "sessions",
  {
    /** Random, 32 bytes base64url; inside the encrypted session cookie only. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.createdAt)],
);

/** Sign-in attempts, kept in the database so limits hold across restarts and instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.createdAt),
    index("login_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);

/** In-app notices to a user, e.g. "your article was returned with a comment". */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    issueId: integer("issue_id").references(() => issues.id, { onDelete: "cascade" }),
    commissionId: integer("commission_id").references(() => commissions.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    message: text("message").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The search index over published articles: one row per article as readers
 * see it. `tokens` holds CJK bigrams and lower-cased words (see lib/search),
 * so Chinese text needs no segmenter and the GIN index answers every query.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    articleId: integer("article_id")
      .primaryKey()
      .references(() => articles.id, { onDelete: "cascade" }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    unitName: text("unit_name").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    attribution: text("attribution").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    tokens: tsvector("tokens").notNull(),
    /**
     * The title's tokens alone (the same positions as in `tokens`). Small
     * enough to stay in the row: checking it reads no TOAST, so search can
     * put title matches first without decompressing `tokens`.
     */
    titleTokens: tsvector("title_tokens").notNull(),
  },
  (t) => [
    index("search_documents_tokens_idx").using("gin", t.tokens),
    index("search_documents_title_tokens_idx").using("gin", t.titleTokens),
    index("search_documents_filter_idx").on(t.publicationId, t.year),
    // Search walks matches newest first and stops when a page is full.
    index("search_documents_published_idx").on(t.publishedAt.desc().nullsFirst(), t.articleId),
  ],
);

/** Security policy set by the (security) administrator: one row per key, e.g. `two_factor_roles`. */
export const securitySettings = pgTable("security_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedById: integer("updated_by_id").references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * Scoring weights for unit statistics (信息采用统计). Rows are never updated:
 * a change adds a row, so a past period is scored with the weights then in force.
 */
export const scoringWeights = pgTable("scoring_weights", {
  id: serial("id").primaryKey(),
  weights: jsonb("weights").notNull(),
  effectiveFrom: timestamp("effective_from", { withTimezone: true }).notNull().defaultNow(),
  createdById: integer("created_by_id").references(() => users.id),
  createdAt: createdAt(),
});

/** 批示 and 上级采用 levels: who wrote the instruction, or which office adopted the article. */
export const OFFICIAL_LEVELS = ["national", "provincial", "municipal", "county"] as const;
export type OfficialLevel = (typeof OFFICIAL_LEVELS)[number];

/**
 * 批示: a leader's written instruction on a published article, recorded by a
 * signer or an editor. The article's unit answers it with 落实反馈 (below).
 */
export const instructions = pgTable(
  "instructions",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    leader: text("leader").notNull(),
    level: text("level", { enum: OFFICIAL_LEVELS }).notNull(),
    /** The day the leader wrote it (China time). */
    date: date("date", { mode: "string" }).notNull(),
    text: text("text").notNull(),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("instructions_level_check", sql`${t.level} in ('national', 'provincial', 'municipal', 'county')`),
    check("instructions_leader_check", sql`length(btrim(${t.leader})) > 0`),
    check("instructions_text_check", sql`length(btrim(${t.text})) > 0`),
    index("instructions_article_idx").on(t.articleId),
    index("instructions_date_idx").on(t.date, t.id),
  ],
);

/** 落实反馈: what the unit did about an instruction (rich text, Tiptap JSON). */
export const instructionFeedback = pgTable(
  "instruction_feedback",
  {
    id: serial("id").primaryKey(),
    instructionId: integer("instruction_id")
      .notNull()
      .references(() => instructions.id, { onDelete: "cascade" }),
    body: jsonb("body").notNull(),
    authorId: integer("author_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("instruction_feedback_instruction_idx").on(t.instructionId, t.createdAt)],
);

/**
 * Files of an instruction: the scan of the handwritten 批示 (instruction_id)
 * or an attachment of a 落实反馈 (feedback_id). Uploaded first, unlinked,
 * then linked by the write that names them; never public (served only to
 * those who may see the instruction).
 */
export const instructionFiles = pgTable(
  "instruction_files",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    uploadedById: integer("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    instructionId: integer("instruction_id").references(() => instructions.id, { onDelete: "cascade" }),
    feedbackId: integer("feedback_id").references(() => instructionFeedback.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("instruction_files_mime_check", sql`${t.mime} in ('image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf')`),
    check("instruction_files_one_owner_check", sql`${t.instructionId} is null or ${t.feedbackId} is null`),
    index("instruction_files_instruction_idx").on(t.instructionId),
    index("instruction_files_feedback_idx").on(t.feedbackId),
  ],
);

/** 上级采用/转报: an article forwarded to and adopted by a higher office. */
export const adoptions = pgTable(
  "adoptions",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    /** The office that adopted it, e.g. 省政府办公厅. */
    adoptedBy: text("adopted_by").notNull(),
    level: text("level", { enum: OFFICIAL_LEVELS }).notNull(),
    date: date("date", { mode: "string" }).notNull(),
    /** Where it ran, e.g. 《政务信息》第12期. */
    note: text("note"),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check("adoptions_level_check", sql`${t.level} in ('national', 'provincial', 'municipal', 'county')`),
    check("adoptions_by_check", sql`length(btrim(${t.adoptedBy})) > 0`),
    index("adoptions_article_idx").on(t.articleId),
    index("adoptions_date_idx").on(t.date, t.id),
  ],
);

export type Unit = typeof units.$inferSelect;
export type User = typeof users.$inferSelect;
export type Publication = typeof publications.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Commission = typeof commissions.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type IssueSnapshotRow = typeof issueSnapshots.$inferSelect;
export type IssueEvent = typeof issueEvents.$inferSelect;
