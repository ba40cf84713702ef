import { describe, expect, it } from "vitest";
import { dueSoon, timeLeft } from "./time-left";

const now = new Date("2026-12-02T10:00:00+08:00");
const at = (s: string) => new Date(`${s}+08:00`);

describe("time left to a commission's deadline", () => {
  it("says days and hours, rounded down", () => {
    expect(timeLeft(at("2026-12-04T15:59:59"), now)).toEqual({ key: "daysHours", days: 2, hours: 5 });
    expect(timeLeft(at("2026-12-03T10:00:00"), now)).toEqual({ key: "daysHours", days: 1, hours: 0 });
  });
  it("says hours and minutes within a day, minutes within an hour", () => {
    expect(timeLeft(at("2026-12-03T09:59:00"), now)).toEqual({ key: "hoursMinutes", hours: 23, minutes: 59 });
    expect(timeLeft(at("2026-12-02T10:12:30"), now)).toEqual({ key: "minutes", minutes: 12 });
    expect(timeLeft(now, now)).toEqual({ key: "minutes", minutes: 0 });
  });
  it("says overdue once the deadline has passed", () => {
    expect(timeLeft(at("2026-12-02T09:59:59"), now)).toEqual({ key: "overdue" });
    expect(timeLeft("2026-11-01T00:00:00Z", now)).toEqual({ key: "overdue" });
  });
  it("marks the last day as due soon", () => {
    expect(dueSoon(at("2026-12-03T09:00:00"), now)).toBe(true);
    expect(dueSoon(at("2026-12-03T11:00:00"), now)).toBe(false);
    expect(dueSoon(at("2026-12-01T11:00:00"), now)).toBe(false);
  });
});
