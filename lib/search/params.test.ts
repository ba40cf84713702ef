import { describe, expect, it } from "vitest";
import { parseSearchParams } from "./params";

describe("parseSearchParams", () => {
  it("reads the query, filters and page", () => {
    expect(parseSearchParams(new URLSearchParams("q=法律援助&publication=sdtp&year=2017&unit=省司法厅&page=2&pageSize=5"))).toEqual({
      q: "法律援助",
      publication: "sdtp",
      year: 2017,
      unit: "省司法厅",
      page: 2,
      pageSize: 5,
    });
    expect(parseSearchParams({ q: ["a", "b"], year: "" })).toEqual({ q: "a" });
    expect(parseSearchParams({})).toEqual({ q: "" });
  });

  it("refuses malformed filters with a 400 naming the field", () => {
    for (const bad of ["year=abc", "year=0", "page=-1", "page=1e3", "pageSize=500"]) {
      expect(() => parseSearchParams(new URLSearchParams(bad)), bad).toThrow(expect.objectContaining({ code: "bad_request" }));
    }
  });
});
