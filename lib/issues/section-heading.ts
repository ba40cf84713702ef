/**
 * A section heading as stored: the text, without the brackets the issue
 * prints around it (【向深度贫困进军】 → 向深度贫困进军). The brackets are
 * presentation (DESIGN: Section), so a heading typed or sent with them is
 * stored without, and never printed as 【【…】】. Only one whole pair
 * around the text is presentation: 【一】【二】 keeps its brackets.
 */
export function sectionHeadingText(typed: string): string {
  return typed.trim().replace(/^【([^【】]*)】$/, "$1").trim();
}
