import { describe, expect, it } from "vitest";
import { characterClasses, isCommonPassword, passwordRuleBroken } from "./password-policy";

describe("password rules", () => {
  it("wants 8 characters with three classes, or 12 of anything", () => {
    expect(passwordRuleBroken("Ab1!")).toBe("length");
    expect(passwordRuleBroken("abcdefgh1")).toBe("classes");
    expect(passwordRuleBroken("Bcdefgh7")).toBeNull();
    expect(passwordRuleBroken("zqxwvkjtmnpr")).toBeNull();
    expect(passwordRuleBroken("春眠不觉晓处处闻啼鸟夜来")).toBeNull();
    expect(characterClasses("aB3-")).toBe(4);
  });
  it("refuses the 10,000 most common passwords, whatever the case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(passwordRuleBroken("Password123")).toBe("common");
    expect(passwordRuleBroken("1qaz2wsx3edc")).toBe("common");
    expect(passwordRuleBroken("QWERTYUIOP")).toBe("classes");
    expect(isCommonPassword("Own-Choice-2026")).toBe(false);
  });
  it("refuses the e-mail's local part and the name", () => {
    expect(passwordRuleBroken("zhangwei-2026!", { email: "zhangwei@x.cn" })).toBe("personal");
    expect(passwordRuleBroken("xx-ZhangWei-99", { email: "a@x.cn", name: "Zhang Wei" })).toBe("personal");
    expect(passwordRuleBroken("我是张伟的密码一二三四五六", { name: "张伟" })).toBe("personal");
    expect(passwordRuleBroken("Own-Choice-2026", { email: "zhangwei@x.cn", name: "张伟" })).toBeNull();
  });
});
