"use client";
import { useEffect } from "react";

/**
 * Marks the page as interactive once React has hydrated it (end-to-end tests
 * wait for html[data-hydrated] instead of sleeping). A page that loads
 * public/reader.js is ready when that has wired it — and React too where the
 * page needs it ([data-needs-react]; reader.js checks that side).
 */
export function HydrationMarker() {
  useEffect(() => {
    const html = document.documentElement;
    html.dataset.react = "1";
    const tag = document.querySelector<HTMLScriptElement>("script[data-reader]");
    if (!tag || html.dataset.reader) {
      html.dataset.hydrated = "1";
      return;
    }
    // A page React rendered in the browser (Next sends a page's notFound() as
    // an empty shell) has the tag, but a <script> React creates never runs:
    // once the parser's deferred scripts are done (DOMContentLoaded), run it if it did not.
    const runIfMissed = () => {
      if (html.dataset.reader) return;
      const script = document.createElement("script");
      for (const { name, value } of tag.attributes) script.setAttribute(name, value);
      document.body.append(script);
    };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    if (!nav || nav.domContentLoadedEventEnd > 0) runIfMissed();
    else document.addEventListener("DOMContentLoaded", runIfMissed, { once: true });
  }, []);
  return null;
}
