// A browser's User-Agent header as a person reads it: "Chrome 131 · Windows",
// "WeChat 8 · iOS 17". For the list of one's own sessions (本人会话); the full
// header stays in the record. Order matters: Edge, Opera and the Chinese
// browsers also call themselves Chrome and Safari.

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\/(\d+)/, "WeChat"],
  [/\bDingTalk\/(\d+)/, "DingTalk"],
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/\bOPR\/(\d+)/, "Opera"],
  [/\bSamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/\bUCBrowser\/(\d+)/, "UC"],
  [/\bMQQBrowser\/(\d+)|\bQQBrowser\/(\d+)/, "QQ Browser"],
  [/\b360SE\b|\bQihooBrowser\/(\d+)/, "360"],
  [/\bHeadlessChrome\/(\d+)/, "Headless Chrome"],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
  [/\b(?:Chrome|CriOS)\/(\d+)/, "Chrome"],
  [/\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
  [/^curl\/(\d+)/, "curl"],
];

const WINDOWS: Record<string, string> = { "10.0": "Windows", "6.3": "Windows 8.1", "6.2": "Windows 8", "6.1": "Windows 7" };

function osOf(ua: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /Windows NT (\d+\.\d+)/.exec(ua))) return WINDOWS[m[1]!] ?? "Windows";
  if ((m = /\biPad\b.*? OS (\d+)_/.exec(ua))) return `iPadOS ${m[1]}`;
  if ((m = /\biPhone\b.*? OS (\d+)_/.exec(ua))) return `iOS ${m[1]}`;
  if (/HarmonyOS|OpenHarmony/.test(ua)) return "HarmonyOS";
  if ((m = /Android (\d+)/.exec(ua))) return `Android ${m[1]}`;
  if (/\bCrOS\b/.test(ua)) return "ChromeOS";
  if (/Mac OS X|Macintosh/.test(ua)) return "macOS";
  if (/Linux/.test(ua)) return "Linux";
  return null;
}

/** "Browser major · OS", as much of it as is known; the header itself (cut short) when neither is; null for none. */
export function describeUserAgent(ua: string | null | undefined): string | null {
  const header = (ua ?? "").trim();
  if (!header) return null;
  let browser: string | null = null;
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(header);
    if (m) {
      const version = m.slice(1).find(Boolean);
      browser = version ? `${name} ${version}` : name;
      break;
    }
  }
  const os = osOf(header);
  if (!browser && !os) return header.length > 60 ? `${header.slice(0, 59)}…` : header;
  return [browser, os].filter(Boolean).join(" · ");
}
