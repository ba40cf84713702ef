"use client";
// The article editor's persistence, apart from what it draws: the title and
// attribution, autosave to the server (a new article is created by its
// first save), a local copy of every unsaved edit in the browser, the offer
// of a copy that never reached the server, saving on Ctrl+S, when the page
// is hidden and when the connection returns, and optimistic locking (a stale
// save shows both texts; nothing is overwritten silently).
import type { Editor, JSONContent } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/workspace/api-client";

export interface EditableArticle {
  id: number;
  title: string;
  attribution: string;
  body: JSONContent;
  version: number;
}

export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; current: EditableArticle };

export interface LocalCopy {
  title: string;
  attribution: string;
  body: JSONContent;
  version: number | null;
  at: string;
}

const AUTOSAVE_MS = 1500;
const storageKey = (id: number | null) => `cms-draft:${id ?? "new"}`;

function readLocal(id: number | null): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function useArticleDraft({
  editor,
  article,
  defaultAttribution,
  commissionId,
}: {
  editor: Editor | null;
  article: EditableArticle | null;
  defaultAttribution: string;
  /** A new article answering this 约稿: its first save links it (撰稿回复). */
  commissionId: number | null;
}) {
  const t = useTranslations("editor");
  // Known once the first save has created the article: the heading and the way back follow it.
  const [savedId, setSavedId] = useState<number | null>(article?.id ?? null);
  const [title, setTitleState] = useState(article?.title ?? "");
  const [attribution, setAttributionState] = useState(article?.attribution ?? defaultAttribution);
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const [offer, setOffer] = useState<LocalCopy | null>(null);
  const initialTitleRef = useRef(article?.title ?? "");
  const idRef = useRef<number | null>(article?.id ?? null);
  const versionRef = useRef<number | null>(article?.version ?? null);
  const titleRef = useRef(title);
  const attributionRef = useRef(attribution);
  const dirtyRef = useRef(false);
  const savingRef = useRef(false);
  const queuedRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef<(options?: { keepalive?: boolean; force?: boolean }) => Promise<boolean>>(async () => true);
  const inflightRef = useRef<Promise<boolean> | null>(null);
  /** The last save was refused or did not reach the server (an error or a conflict is on screen). */
  const failedRef = useRef(false);

  const writeLocal = useCallback(() => {
    if (!editor) return;
    const copy: LocalCopy = { title: titleRef.current, attribution: attributionRef.current, body: editor.getJSON(), version: versionRef.current, at: new Date().toISOString() };
    try {
      window.localStorage.setItem(storageKey(idRef.current), JSON.stringify(copy));
    } catch {
      // Storage full or disabled: the server copy is still the safety net.
    }
  }, [editor]);


  const markDirty = useCallback(() => {
    dirtyRef.current = true;
    setState((s) => (s.kind === "conflict" ? s : { kind: "dirty" }));
    writeLocal();
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void saveRef.current(), AUTOSAVE_MS);
  }, [writeLocal]);


  // Every change to the body marks the draft dirty.
  useEffect(() => {
    if (!editor) return;
    editor.on("update", markDirty);
    return () => {
      editor.off("update", markDirty);
    };
  }, [editor, markDirty]);

  /** Saves now; true when the server has the current text. */
  const save = useCallback(
    async (options: { keepalive?: boolean; force?: boolean } = {}): Promise<boolean> => {
      if (!editor) return false;
      if (savingRef.current) {
        queuedRef.current = true;
        return false;
      }
      if (!dirtyRef.current && !options.force) return true;
      clearTimeout(timerRef.current);
      savingRef.current = true;
      dirtyRef.current = false;
      setState({ kind: "saving" });
      const payload = { title: titleRef.current, attribution: attributionRef.current, body: editor.getJSON() };
      const wasNew = idRef.current === null;
      const request = wasNew
        ? callApi<{ id: number; version: number }>("/api/v1/articles", { json: commissionId ? { ...payload, commissionId } : payload, keepalive: options.keepalive })
        : callApi<{ id: number; version: number }>(`/api/v1/articles/${idRef.current}`, {
            method: "PATCH",
            json: { ...payload, version: versionRef.current },
            keepalive: options.keepalive,
          });
      inflightRef.current = request.then((r) => r.ok);
      const result = await request;
      savingRef.current = false;
      inflightRef.current = null;
      failedRef.current = !result.ok;
      if (result.ok) {
        idRef.current = result.data.id;
        versionRef.current = result.data.version;
        if (wasNew) {
          window.localStorage.removeItem(storageKey(null));
          window.history.replaceState(null, "", `/workspace/articles/${result.data.id}/edit`);
          setSavedId(result.data.id);
        }
        if (dirtyRef.current) writeLocal();
        else window.localStorage.removeItem(storageKey(idRef.current));
        setState(dirtyRef.current ? { kind: "dirty" } : { kind: "saved", at: new Date() });
      } else {
        dirtyRef.current = true;
        if (result.status === 409 && result.error.current) {
          const c = result.error.current as EditableArticle & { title: string };
          setState({ kind: "conflict", current: { ...c, id: idRef.current!, title: c.title } });
        } else {
          setState({ kind: "error", message: result.status === 0 ? t("offline") : result.error.message });
        }
        return false;
      }
      if (queuedRef.current || dirtyRef.current) {
        queuedRef.current = false;
        timerRef.current = setTimeout(() => void saveRef.current(), AUTOSAVE_MS);
        return false;
      }
      return true;
    },
    [editor, t, writeLocal, commissionId],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** Waits for an autosave under way, then saves whatever is left: the article's id once the server has the text, else null. */
  async function saveAllNow(): Promise<number | null> {
    // The text can change while a save is on its way (a picture's size set as it
    // loads, a keystroke): then that save leaves the draft dirty and is not
    // enough. Save again until the server has what is on screen, or a save fails.
    for (let attempt = 0; attempt < 10; attempt++) {
      clearTimeout(timerRef.current);
      while (inflightRef.current) await inflightRef.current;
      queuedRef.current = false;
      if (idRef.current !== null && !dirtyRef.current) return idRef.current;
      if (await save({ force: true })) return idRef.current;
      if (failedRef.current) return null;
    }
    return null;
  }

  // Offer back edits that never reached the server (closed tab, lost connection).
  useEffect(() => {
    if (!editor) return;
    const local = readLocal(idRef.current);
    if (!local) return;
    const same = local.title === initialTitleRef.current && JSON.stringify(local.body) === JSON.stringify(editor.getJSON());
    if (same) window.localStorage.removeItem(storageKey(idRef.current));
    else setOffer(local);
    // Once per editor: when it is first ready.
  }, [editor]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current({ force: true });
      }
    };
    const onHide = () => {
      if (dirtyRef.current) void saveRef.current({ keepalive: true });
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current || savingRef.current) {
        onHide();
        e.preventDefault();
      }
    };
    const onOnline = () => {
      if (dirtyRef.current) void saveRef.current();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("pagehide", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pagehide", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("online", onOnline);
    };
  }, []);


  function setTitle(value: string) {
    setTitleState(value);
    titleRef.current = value;
    markDirty();
  }

  function setAttribution(value: string) {
    setAttributionState(value);
    attributionRef.current = value;
    markDirty();
  }

  function restoreOffer() {
    if (!offer || !editor) return;
    editor.commands.setContent(offer.body);
    setTitleState(offer.title);
    titleRef.current = offer.title;
    setAttributionState(offer.attribution);
    attributionRef.current = offer.attribution;
    // Save against the version the copy was based on: if the server moved on, the conflict dialog shows both.
    if (offer.version !== null) versionRef.current = offer.version;
    setOffer(null);
    markDirty();
  }

  function discardOffer() {
    window.localStorage.removeItem(storageKey(idRef.current));
    setOffer(null);
  }

  function keepMine() {
    if (state.kind !== "conflict") return;
    versionRef.current = state.current.version;
    setState({ kind: "dirty" });
    void save({ force: true });
  }

  async function takeTheirs() {
    if (state.kind !== "conflict" || !editor) return;
    const mine = editor.getText();
    await navigator.clipboard?.writeText(`${titleRef.current}\n\n${mine}`).catch(() => {});
    editor.commands.setContent(state.current.body, { emitUpdate: false });
    const lines = state.current.title;
    setTitleState(lines);
    titleRef.current = lines;
    setAttributionState(state.current.attribution);
    attributionRef.current = state.current.attribution;
    versionRef.current = state.current.version;
    dirtyRef.current = false;
    window.localStorage.removeItem(storageKey(idRef.current));
    setState({ kind: "saved", at: new Date() });
  }

  /** Closing the conflict dialog without choosing keeps the edit unsaved. */
  function dismissConflict() {
    setState((s) => (s.kind === "conflict" ? { kind: "dirty" } : s));
  }

  return { title, setTitle, attribution, setAttribution, savedId, state, save, saveAllNow, offer, restoreOffer, discardOffer, keepMine, takeTheirs, dismissConflict };
}
