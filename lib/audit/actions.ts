// Every action the audit log records. recordAudit accepts only these, and
// actions.test.ts fails when one has no label in a message catalogue — so the
// log never shows a raw key to an admin.
import type { Transition } from "@/lib/articles/status";

export const AUDIT_ACTIONS = [
  "auth.sign-in",
  "auth.sign-in-failed",
  "auth.sign-out",
  // A signed-in user refused with 403 (等保 安全审计: every refusal is recorded).
  "auth.refused",
  // A user signed out another of their own sessions, or all the others (本人会话).
  "auth.session-revoke",
  "auth.session-revoke-others",
  "user.create",
  "user.create-first-admin",
  "user.update",
  "user.role",
  "user.activate",
  "user.deactivate",
  "user.password",
  "user.reset-password",
  "user.change-password",
  "user.unlock",
  "user.2fa-enable",
  "user.2fa-disable",
  "user.2fa-recovery-codes",
  "security.policy",
  "audit.export",
  "unit.create",
  "unit.rename",
  "unit.activate",
  "unit.deactivate",
  "publication.create",
  "publication.update",
  "token.create",
  "token.revoke",
  "scoring.set-weights",
  "demo.load",
  "article.create",
  "article.update",
  "article.correct",
  "article.submit",
  "article.withdraw",
  "article.return",
  "article.accept",
  "article.reject",
  "article.reopen",
  "article.unaccept",
  // 批示 and its 落实反馈, 上级采用 (lib/instructions).
  "article.instruction",
  "article.instruction-feedback",
  "article.adoption",
  "issue.create",
  "issue.update",
  "issue.layout",
  "issue.request_signoff",
  "issue.signoff",
  "issue.signoff_return",
  "issue.signoff_void",
  "issue.schedule",
  "issue.unschedule",
  "issue.publish",
  "issue.withdraw",
  "issue.restore",
  "issue.correct",
  "issue.correction_request",
  "issue.correction_signoff",
  "issue.correction_return",
  "media.upload",
  "commission.create",
  "commission.update",
  "commission.cancel",
  "media.instruction-file",
] as const satisfies readonly string[];

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Every article transition is an audited action (`article.${transition}`). */
export type ArticleTransitionAction = `article.${Transition}`;
const _transitionsAreListed: ArticleTransitionAction extends AuditAction ? true : never = true;
void _transitionsAreListed;

/** The kinds of object an entry is about (audit_log.target_type). */
export const AUDIT_TARGET_TYPES = ["user", "unit", "publication", "api_token", "article", "issue", "media", "scoring_weights", "security_settings", "commission"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
