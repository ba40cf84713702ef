// 稿件状态机 (contract): draft → submitted → returned | accepted | rejected;
// accepted → published with its issue. Each transition names who may make it.
import type { ArticleStatus } from "@/db/schema";
import type { Permission } from "@/lib/auth/permissions";

/** The statuses, for pages and components (which do not import db/ themselves). */
export { ARTICLE_STATUSES, type ArticleStatus } from "@/db/schema";

export type Transition = "submit" | "withdraw" | "return" | "accept" | "reject" | "reopen" | "unaccept";

export interface TransitionRule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  permission: Permission;
  /** A comment is required (退回修改, 不采用). */
  comment: boolean;
  /** The event type recorded in article_events. */
  event: string;
}

export const TRANSITIONS: Record<Transition, TransitionRule> = {
  submit: { from: ["draft", "returned"], to: "submitted", permission: "update:article:own-unit", comment: false, event: "submitted" },
  // A contributor takes a submission back before an editor has acted on it.
  withdraw: { from: ["submitted"], to: "draft", permission: "update:article:own-unit", comment: false, event: "withdrawn" },
  return: { from: ["submitted"], to: "returned", permission: "review:article:any", comment: true, event: "returned" },
  accept: { from: ["submitted"], to: "accepted", permission: "review:article:any", comment: false, event: "accepted" },
  reject: { from: ["submitted"], to: "rejected", permission: "review:article:any", comment: true, event: "rejected" },
  reopen: { from: ["rejected"], to: "submitted", permission: "review:article:any", comment: false, event: "reopened" },
  // Back to review; refused while the article sits in an issue.
  unaccept: { from: ["accepted"], to: "submitted", permission: "review:article:any", comment: false, event: "unaccepted" },
};

/** Who may edit the text in which status. */
export const EDITABLE: Record<"contributor" | "editor", readonly ArticleStatus[]> = {
  contributor: ["draft", "returned"],
  editor: ["submitted", "accepted"],
};

export function canTransition(from: ArticleStatus, t: Transition): boolean {
  return TRANSITIONS[t].from.includes(from);
}
