"use client";
import { useEffect } from "react";

/** Marks the page as interactive once React has hydrated it (end-to-end tests wait for it instead of sleeping). */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "1";
  }, []);
  return null;
}
