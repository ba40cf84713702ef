// When 落实反馈 on a 批示 is due, and whether it is overdue. Pure: the clock
// is passed in, so tests move it instead of sleeping.
import { z } from "zod";
import { formatDate } from "@/lib/format";

/** 反馈期限: days a unit has to answer an instruction (env INSTRUCTION_FEEDBACK_DAYS, 15 unless set). */
export const DEFAULT_FEEDBACK_DAYS = 15;

const feedbackDaysSchema = z.coerce
  .number({ message: "INSTRUCTION_FEEDBACK_DAYS must be a whole number of days" })
  .int("INSTRUCTION_FEEDBACK_DAYS must be a whole number of days")
  .min(1, "INSTRUCTION_FEEDBACK_DAYS must be at least 1")
  .max(365, "INSTRUCTION_FEEDBACK_DAYS must be at most 365");

/** The configured number of days; a value that is not 1–365 is a configuration error, said clearly. */
export function feedbackDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.INSTRUCTION_FEEDBACK_DAYS?.trim();
  if (!raw) return DEFAULT_FEEDBACK_DAYS;
  const parsed = feedbackDaysSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.message ?? "INSTRUCTION_FEEDBACK_DAYS is invalid"} (got "${raw}")`);
  return parsed.data;
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in China time, `YYYY-MM-DD`. */
export const chinaToday = (now: Date): string => formatDate(now);

/**
 * The last day feedback is on time: `days` after the 批示 was written, or
 * after it was recorded when that was later (a unit cannot answer what it
 * has not been told).
 */
export function feedbackDueDate(instructionDate: string, recordedAt: Date, days: number): string {
  const recorded = formatDate(recordedAt);
  return addDays(instructionDate > recorded ? instructionDate : recorded, days);
}

export type FeedbackState = "awaiting" | "answered";

/** The state of one instruction on a day: awaiting (overdue once past the due day) or answered (late if after it). */
export function feedbackStatus(input: { date: string; recordedAt: Date; answeredAt: Date | null }, now: Date, days: number) {
  const dueDate = feedbackDueDate(input.date, input.recordedAt, days);
  if (input.answeredAt) {
    return { state: "answered" as const, dueDate, overdue: false, late: formatDate(input.answeredAt) > dueDate };
  }
  return { state: "awaiting" as const, dueDate, overdue: chinaToday(now) > dueDate, late: false };
}
