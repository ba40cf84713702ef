"use client";
// Registers the reader app's service worker (public/sw.js) on reader pages.
import { useEffect } from "react";

export function ReaderApp() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((e) => console.warn("service worker not registered:", e));
  }, []);
  return null;
}
