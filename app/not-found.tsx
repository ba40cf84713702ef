import { NotFoundMessage } from "@/components/reader/not-found-message";
import { ReaderFrame } from "@/components/reader/reader-frame";

/** An address the site does not have: the reader's 404, in the reader frame, rendered complete on the server. */
export default function NotFound() {
  return (
    <ReaderFrame>
      <NotFoundMessage />
    </ReaderFrame>
  );
}
