import { AppError } from "@/lib/errors";

export function issueId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError("not_found", "期刊不存在");
  return Number(raw);
}
