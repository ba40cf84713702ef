import { describe, expect, it } from "vitest";
import { parsePeriod, resolvePeriod, trendRange } from "./period";

describe("periods in China time", () => {
  it("parses months, quarters, years and custom days", () => {
    expect(parsePeriod("2024-02")).toMatchObject({ kind: "month", firstDay: "2024-02-01", lastDay: "2024-02-29" });
    expect(parsePeriod("2024-02").from.toISOString()).toBe("2024-01-31T16:00:00.000Z");
    expect(parsePeriod("2024-12").to.toISOString()).toBe("2024-12-31T16:00:00.000Z");
    expect(parsePeriod("2024-Q4")).toMatchObject({ kind: "quarter", firstDay: "2024-10-01", lastDay: "2024-12-31" });
    expect(parsePeriod("2023")).toMatchObject({ kind: "year", firstDay: "2023-01-01", lastDay: "2023-12-31" });
    expect(parsePeriod("2024-01-05..2024-01-05")).toMatchObject({ kind: "custom", firstDay: "2024-01-05", lastDay: "2024-01-05" });
  });
  it("refuses nonsense with a field error", () => {
    for (const bad of ["2024-13", "2024-Q5", "24", "2024-02-30..2024-03-01", "2024-03-02..2024-03-01", "1800"]) {
      expect(() => parsePeriod(bad), bad).toThrow(expect.objectContaining({ code: "invalid", fields: { period: expect.any(Array) } }));
    }
  });
  it("defaults to the current China month and builds from form fields", () => {
    // 31 Dec 2023 17:00 UTC is already 1 January 2024 in China.
    expect(resolvePeriod({}, new Date("2023-12-31T17:00:00Z")).key).toBe("2024-01");
    expect(resolvePeriod({ kind: "quarter" }, new Date("2024-05-01T00:00:00Z")).key).toBe("2024-Q2");
    expect(resolvePeriod({ kind: "custom", from: "2024-01-01", to: "2024-01-31" }).key).toBe("2024-01-01..2024-01-31");
    expect(() => resolvePeriod({ kind: "custom", from: "2024-01-01" })).toThrow(expect.objectContaining({ code: "invalid" }));
  });
  it("trends over the 12 months ending with the period", () => {
    const r = trendRange(parsePeriod("2024-Q1"));
    expect(r.months[0]).toBe("2023-04");
    expect(r.months.at(-1)).toBe("2024-03");
    expect(r.from.toISOString()).toBe("2023-03-31T16:00:00.000Z");
    expect(r.to.toISOString()).toBe("2024-03-31T16:00:00.000Z");
  });
});
