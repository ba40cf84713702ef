import { apiRoute } from "@/lib/api/handler";
import { listPublications } from "@/lib/issues/reader";

export const GET = apiRoute(() => listPublications(), { auth: false });
