import { describe, expect, it } from "vitest";
import { documentRoute } from "./front";

const route = (method: string, url: string, headers: Record<string, string> = {}) => documentRoute(method, url, (name) => headers[name]);

describe("documentRoute", () => {
  it("takes the reader pages, keyed by language, path and query", () => {
    expect(route("GET", "/p/sdtp/2017/88")).toMatchObject({ pathname: "/p/sdtp/2017/88", search: "", locale: "zh-CN" });
    expect(route("HEAD", "/p/sdtp?year=2017")).toMatchObject({ pathname: "/p/sdtp", search: "?year=2017" });
    expect(route("GET", "/p/sdtp/2017/88", { cookie: "a=b; locale=en" })!.key).not.toBe(route("GET", "/p/sdtp/2017/88")!.key);
    expect(route("GET", "/p/sdtp/2017/88", { cookie: "locale=xx" })!.locale).toBe("zh-CN");
  });

  it("takes search as a document that is never cached", () => {
    expect(route("GET", "/search?q=%E6%B3%95%E5%BE%8B")).toMatchObject({ key: null, pathname: "/search" });
    expect(route("GET", "/search?q=x", { rsc: "1" })).toBeNull();
  });

  it("leaves the workspace, the API, files, other methods and client-side navigations to Next", () => {
    for (const url of ["/workspace", "/api/v1/publications", "/_next/static/chunks/a.js", "/media/1.png", "/login", "/app", "http://evil/p/sdtp"]) {
      expect(route("GET", url), url).toBeNull();
    }
    expect(route("POST", "/p/sdtp/2017/88")).toBeNull();
    expect(route("GET", "/p/sdtp/2017/88", { rsc: "1" })).toBeNull();
    expect(route("GET", "/p/sdtp/2017/88", { "next-router-prefetch": "1" })).toBeNull();
  });
});
