import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import zhErrors from "@/messages/zh-CN/errors.json";
import enErrors from "@/messages/en/errors.json";
import { AppError, formatError, invalidInput, messageOfText, msg, schemaMessage, type ErrorMessage } from "./errors";

type Catalogue = Record<string, Record<string, string>>;
const CATALOGUES: Record<string, Catalogue> = { "zh-CN": zhErrors, en: enErrors };
const has = (catalogue: Catalogue, key: string) => {
  const [group, name] = key.split(".");
  return typeof catalogue[group!]?.[name!] === "string";
};

/** Every .ts/.tsx file under the folders that may raise an AppError, tests excepted. */
function sources(): { file: string; text: string }[] {
  const root = path.resolve(__dirname, "..");
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push({ file: path.relative(root, full), text: fs.readFileSync(full, "utf8") });
    }
  };
  for (const dir of ["lib", "app", "scripts"]) walk(path.join(root, dir));
  return out;
}

// Where a message key is written: the message of an AppError, msg(…), a field's
// list, a route's notFound / invalidMessage / queryInvalid message, a check's title.
const KEY_PLACES = [
  /new AppError\(\s*"[a-z_]+",\s*"([^"]+)"/g,
  /\bmsg\(\s*"([^"]+)"/g,
  /:\s*\[\s*"([a-zA-Z]+\.[a-zA-Z]+)"\s*\]/g,
  /\b(?:notFound|invalidMessage|message):\s*"([a-zA-Z]+\.[a-zA-Z]+)"/g,
  /\bNOT_FOUND = "([^"]+)"/g,
  /assertChecksPass\(tx, id, "([^"]+)"\)/g,
  /=== "otp_missing" \? "([^"]+)" : "([^"]+)"/g,
];

const isVerbatim = (m: ErrorMessage) => typeof m === "object" && m.key === "common.verbatim";

/** The names of an ICU message's arguments. */
const argumentsOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("error messages", () => {
  it("finds every message key written in lib/, app/ and scripts/ in both catalogues", () => {
    const missing: string[] = [];
    let found = 0;
    for (const { file, text } of sources()) {
      for (const place of KEY_PLACES) {
        for (const m of text.matchAll(place)) {
          for (const key of m.slice(1).filter(Boolean)) {
            found++;
            for (const [locale, catalogue] of Object.entries(CATALOGUES)) if (!has(catalogue, key!)) missing.push(`${file}: "${key}" has no ${locale} entry`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(150);
  });

  it("writes no AppError with words instead of a key", () => {
    const worded = sources().flatMap(({ file, text }) =>
      [...text.matchAll(/new AppError\(\s*"[a-z_]+",\s*([`"'][^`"']*[`"'])/g)].map((m) => m[1]!).filter((s) => !/^"[a-zA-Z]+\.[a-zA-Z]+"$/.test(s)).map((s) => `${file}: ${s}`),
    );
    expect(worded).toEqual([]);
  });

  it("gives each message the same arguments in Chinese and English", () => {
    for (const [group, entries] of Object.entries(zhErrors as Catalogue)) {
      for (const [name, zh] of Object.entries(entries)) {
        expect(argumentsOf((enErrors as Catalogue)[group]?.[name] ?? ""), `${group}.${name}`).toEqual(argumentsOf(zh));
      }
    }
  });

  it("knows the Chinese of every zod schema message, so that field errors are translated too", () => {
    const han = /\p{Script=Han}/u;
    const unknown = sources().flatMap(({ file, text }) =>
      [...text.matchAll(/\.(?:min|max|regex|email|int|multipleOf|length)\([^()]*?,\s*"([^"]+)"\)|(?:message|error):\s*"([^"]+)"/g)]
        .map((m) => m[1] ?? m[2]!)
        .filter((s) => han.test(s) && isVerbatim(messageOfText(s)))
        .map((s) => `${file}: ${s}`),
    );
    expect(unknown).toEqual([]);
  });

  it("keeps the Chinese words as they were and says them in English", () => {
    const e = new AppError("invalid", msg("article.titleMaxLines", { max: 3 }), { title: [msg("article.titleMaxLines", { max: 3 })] });
    expect(e.message).toBe("标题最多 3 行");
    expect(e.fields).toEqual({ title: ["标题最多 3 行"] });
    expect(e.localize("en")).toEqual({ message: "A title has at most 3 lines", fields: { title: ["A title has at most 3 lines"] } });
    expect(new AppError("not_found", "article.notFound").localize("en").message).toBe("Article not found");
  });

  it("says a message inside a message in the same language", () => {
    const text = msg("issue.checksFailedList", { what: msg("issue.checksFailed"), problems: ["check.noArticles", "check.noEditor"] });
    expect(formatError(text)).toBe("发布前检查未通过：本期还没有稿件；请填写本期编辑");
    expect(formatError(text, "en")).toBe("The pre-publish checks failed: The issue has no articles yet; Please name the issue's editor");
  });

  it("gives back a catalogue message with its parameters from a schema that names it", () => {
    const roles = schemaMessage(msg("security.rolesOnly", { roles: "editor、admin" }));
    const schema = z.object({ roles: z.array(z.enum(["editor", "admin"], { error: roles })) });
    const e = invalidInput(schema.safeParse({ roles: ["x", "y"] }).error!);
    expect(e.localize("zh-CN").fields).toEqual({ roles: ["角色只能是 editor、admin"] });
    expect(e.localize("en").fields).toEqual({ roles: ["Roles must be among editor、admin"] });
  });

  it("translates zod field messages written in Chinese and keeps others as they are", () => {
    const schema = z.object({ name: z.string().min(1, "请填写姓名"), code: z.string().regex(/^x$/, "something else") });
    const e = invalidInput(schema.safeParse({ name: "", code: "y" }).error!);
    expect(e.localize("zh-CN").fields).toEqual({ name: ["请填写姓名"], code: ["something else"] });
    expect(e.localize("en")).toEqual({ message: "The request is invalid", fields: { name: ["Please enter a name"], code: ["something else"] } });
  });
});
