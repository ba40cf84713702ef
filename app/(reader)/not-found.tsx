import { NotFoundMessage } from "@/components/reader/not-found-message";

/**
 * A reader page's notFound(). Next 16 sends that 404 as an empty shell that
 * React fills in the browser; the complete document for readers without
 * scripts is the site's 404 page (app/not-found.tsx), the same words in the
 * same frame.
 */
export default function ReaderNotFound() {
  return <NotFoundMessage />;
}
