import { notFound } from "next/navigation";

/** Any other address under /workspace: the workspace's own 404, in its frame, once signed in. */
export default function MissingDeskPage(): never {
  notFound();
}
