/**
 * The entry of a menu that the current address belongs to: the one whose
 * address is its longest prefix (an article's page → 工作台, an issue's board
 * → 期刊组版, a user's page → 用户). "/" is the reader site, never current.
 */
export function currentHref(hrefs: readonly string[], pathname: string): string | undefined {
  const within = (href: string) => href !== "/" && (pathname === href || pathname.startsWith(`${href}/`));
  return hrefs.filter(within).sort((a, b) => b.length - a.length)[0];
}
