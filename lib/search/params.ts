// The search parameters of /search and GET /api/v1/search, parsed once for both.
import { z } from "zod";
import { invalidInput } from "@/lib/errors";
import { MAX_PAGE_SIZE, type SearchInput } from "./search";

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
const optionalInt = (max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.union([z.undefined(), z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1).max(max))]));

export const searchParamsSchema = z.object({
  q: z.string().max(10_000_000).default(""),
  publication: optionalText,
  unit: optionalText,
  year: optionalInt(9999),
  page: optionalInt(10_000),
  pageSize: optionalInt(MAX_PAGE_SIZE),
});

type Raw = Record<string, string | string[] | undefined>;

/** Reads the first value of each parameter; invalid filters are a 400 with the field named. */
export function parseSearchParams(raw: Raw | URLSearchParams): SearchInput {
  const get = (k: string) => {
    const v = raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : raw[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const parsed = searchParamsSchema.safeParse(Object.fromEntries(Object.keys(searchParamsSchema.shape).map((k) => [k, get(k)])));
  if (!parsed.success) {
    throw invalidInput(parsed.error, "api.searchParamsInvalid", "bad_request");
  }
  return parsed.data;
}
