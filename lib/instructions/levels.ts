// 级别 of a 批示 or an 上级采用, for client components (which must not load
// the database schema). The same list as OFFICIAL_LEVELS in db/schema.ts;
// the check below fails to compile when they differ.
import type { OfficialLevel } from "@/db/schema";

export const OFFICIAL_LEVELS = ["national", "provincial", "municipal", "county"] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameLevels: Same<(typeof OFFICIAL_LEVELS)[number], OfficialLevel> = true;
void _sameLevels;
