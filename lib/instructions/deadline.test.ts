import { describe, expect, it } from "vitest";
import { addDays, DEFAULT_FEEDBACK_DAYS, feedbackDays, feedbackDueDate, feedbackStatus } from "./deadline";

describe("反馈期限 of a 批示", () => {
  it("reads INSTRUCTION_FEEDBACK_DAYS (15 unless set) and refuses what is not 1–365 days, naming the variable", () => {
    expect(feedbackDays({})).toBe(DEFAULT_FEEDBACK_DAYS);
    expect(feedbackDays({ INSTRUCTION_FEEDBACK_DAYS: " 30 " })).toBe(30);
    for (const bad of ["0", "366", "1.5", "abc", "-3"]) expect(() => feedbackDays({ INSTRUCTION_FEEDBACK_DAYS: bad }), bad).toThrow(/INSTRUCTION_FEEDBACK_DAYS/);
  });

  it("counts from the 批示's date, or from the day it was recorded (China time) when that is later", () => {
    expect(addDays("2026-02-20", 15)).toBe("2026-03-07");
    expect(feedbackDueDate("2026-03-01", new Date("2026-03-01T20:00:00Z"), 15)).toBe("2026-03-17"); // recorded 03-02 04:00 in China
    expect(feedbackDueDate("2026-03-05", new Date("2026-03-01T02:00:00Z"), 15)).toBe("2026-03-20");
  });

  it("is overdue from the day after the due day while awaiting; answered after it is late", () => {
    const i = { date: "2026-03-01", recordedAt: new Date("2026-03-01T02:00:00Z"), answeredAt: null };
    expect(feedbackStatus(i, new Date("2026-03-16T15:59:59Z"), 15)).toEqual({ state: "awaiting", dueDate: "2026-03-16", overdue: false, late: false });
    expect(feedbackStatus(i, new Date("2026-03-16T16:00:00Z"), 15)).toMatchObject({ overdue: true });
    expect(feedbackStatus({ ...i, answeredAt: new Date("2026-03-16T10:00:00Z") }, new Date("2026-04-01T00:00:00Z"), 15)).toMatchObject({ state: "answered", overdue: false, late: false });
    expect(feedbackStatus({ ...i, answeredAt: new Date("2026-03-17T01:00:00Z") }, new Date("2026-04-01T00:00:00Z"), 15)).toMatchObject({ state: "answered", late: true });
  });
});
