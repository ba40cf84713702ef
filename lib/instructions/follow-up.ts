// What became of a published article upstream: the 批示 it drew (with their
// 落实反馈) and its 上级采用. Listed on the article's page and on
// GET /api/v1/articles/{id}.
import { can, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { listArticleAdoptions, type AdoptionView } from "./adoptions";
import { listArticleInstructions, type Clock, type InstructionView } from "./instructions";

/** The instructions and adoptions of an article the viewer may see (editors, signers, the article's unit); otherwise not found. */
export async function articleFollowUp(viewer: Viewer, article: { id: number; unitId: number }, clock: Clock = {}): Promise<{ instructions: InstructionView[]; adoptions: AdoptionView[] }> {
  const ownUnit = viewer.kind === "user" && viewer.unitId === article.unitId && can(viewer, "read:instruction:own-unit");
  if (!can(viewer, "read:instruction:any") && !ownUnit) throw new AppError("not_found", "article.notFound");
  const [instructions, adoptions] = await Promise.all([listArticleInstructions(viewer, article.id, clock), listArticleAdoptions(article.id)]);
  return { instructions, adoptions };
}
