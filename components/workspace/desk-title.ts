import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type workspaceMessages from "@/messages/zh-CN/workspace.json";

export type DeskPageName = keyof (typeof workspaceMessages)["titles"];

/**
 * A desk page's `generateMetadata`: its tab reads "期刊组版 · 简报工作台", so
 * an editor with the inbox, an article and the assembly board open in three
 * tabs can tell them apart. The words are `workspace.titles.*`; the workspace
 * layout adds " · 简报工作台".
 *
 *     export const generateMetadata = deskTitle("issues");
 */
export function deskTitle(name: DeskPageName): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations("workspace.titles");
    return { title: t(name) };
  };
}
