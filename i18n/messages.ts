// UI strings: one JSON file per namespace under messages/<locale>/ (the file
// name is the namespace), so separate parts of the app keep separate files.
import fs from "node:fs";
import path from "node:path";

export type Messages = Record<string, unknown>;
const cache = new Map<string, Messages>();

export function loadMessages(locale: string): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
