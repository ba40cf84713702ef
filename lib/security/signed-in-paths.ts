// The signed-in app's paths: the desks and the sign-in pages. Everything else
// is the reader site, the API, feeds and files.
//
// - next.config.ts marks them `Cache-Control: private, no-store` (issue 21);
// - components/workspace/desk-link.tsx navigates within them client-side and
//   loads anything else as a new document.

/** The first segment of every signed-in page. */
export const SIGNED_IN_ROOTS = ["/workspace", "/login", "/change-password", "/two-factor", "/setup"] as const;

/** Whether an absolute path (with or without query and fragment) is a page of the signed-in app. */
export function isSignedInPath(path: string): boolean {
  return SIGNED_IN_ROOTS.some((root) => path.startsWith(root) && (path.length === root.length || "/?#".includes(path[root.length]!)));
}
