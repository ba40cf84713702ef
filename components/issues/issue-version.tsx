"use client";
// The issue's version, shared by everything on the assembly page that saves
// it (details form, board, actions), so saves from this page never conflict
// with each other — only with someone else's.
import { createContext, useContext, useEffect, useRef } from "react";

type VersionRef = { current: number };
const IssueVersionContext = createContext<VersionRef | null>(null);

export function IssueVersionProvider({ version, children }: { version: number; children: React.ReactNode }) {
  const ref = useRef(version);
  useEffect(() => {
    ref.current = Math.max(ref.current, version);
  }, [version]);
  return <IssueVersionContext.Provider value={ref}>{children}</IssueVersionContext.Provider>;
}

export function useIssueVersion(): VersionRef {
  const ref = useContext(IssueVersionContext);
  if (!ref) throw new Error("useIssueVersion outside IssueVersionProvider");
  return ref;
}
