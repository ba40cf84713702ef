// LIKE patterns from what a user typed: %, _ and the escape character match themselves.
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
