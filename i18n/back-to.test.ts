import { describe, expect, it } from "vitest";
import { backTo } from "./back-to";

describe("backTo: where the language link returns", () => {
  const host = "bulletin.example:3000";

  it("returns the path and query of a page of this site", () => {
    expect(backTo("http://bulletin.example:3000/p/sdtp/2017/88", host)).toBe("/p/sdtp/2017/88");
    expect(backTo("https://bulletin.example:3000/search?q=%E8%84%B1%E8%B4%AB&page=2", host)).toBe("/search?q=%E8%84%B1%E8%B4%AB&page=2");
    expect(backTo("http://BULLETIN.example:3000/", "Bulletin.Example:3000")).toBe("/");
  });

  it("drops the fragment and credentials, keeping the path", () => {
    expect(backTo("http://user:pw@bulletin.example:3000/p/sdtp#top", host)).toBe("/p/sdtp");
  });

  it("sends a foreign, absent or malformed Referer home", () => {
    expect(backTo("https://evil.example/p/sdtp", host)).toBe("/");
    expect(backTo("http://bulletin.example:3001/p/sdtp", host)).toBe("/");
    expect(backTo("http://bulletin.example.evil.example:3000/p/sdtp", host)).toBe("/");
    expect(backTo(null, host)).toBe("/");
    expect(backTo("", host)).toBe("/");
    expect(backTo("/p/sdtp", host)).toBe("/");
    expect(backTo("not a url", host)).toBe("/");
    expect(backTo("http://bulletin.example:3000/p/sdtp", null)).toBe("/");
  });

  it("never answers a path a browser would read as another host", () => {
    expect(backTo("http://bulletin.example:3000//evil.example/x", host)).toBe("/");
    expect(backTo("http://bulletin.example:3000/\\evil.example", host)).toBe("/");
    expect(backTo("http://bulletin.example:3000/%2F%2Fevil.example", host)).toBe("/%2F%2Fevil.example");
  });

  it("refuses other schemes and the switch's own URLs (no loop)", () => {
    expect(backTo("javascript:alert(1)", host)).toBe("/");
    expect(backTo("ftp://bulletin.example:3000/p", host)).toBe("/");
    expect(backTo("http://bulletin.example:3000/lang/en", host)).toBe("/");
    expect(backTo("http://bulletin.example:3000/lang", host)).toBe("/");
  });
});
