import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * Desk pages name themselves (components/workspace/desk-title.ts) and the tab
 * adds the workspace's name. The template sits a level above the workspace
 * layout because a title template does not apply to its own segment's page
 * (/workspace, the desk).
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace");
  return { title: { default: t("title"), template: `%s · ${t("title")}` } };
}

export default function WorkspaceGroupLayout({ children }: { children: React.ReactNode }) {
  return children;
}
