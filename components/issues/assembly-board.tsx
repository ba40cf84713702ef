"use client";
// The assembly board (组版): sections and their articles, and the accepted
// articles not yet placed. Drag with the mouse or the keyboard (dnd-kit), or
// use the move buttons; every change is saved as the issue's layout.
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { useIssueVersion } from "./issue-version";
import { useEditLocked } from "./edit-guard";
import { callApi } from "@/components/workspace/api-client";
import { PromptDialog } from "@/components/ui/prompt-dialog";
import { closestArticleFirst } from "./board-collision";
import { sectionHeadingText } from "@/lib/issues/section-heading";

export interface BoardArticle {
  id: number;
  title: string;
  unit: string;
}

interface Column {
  key: string;
  heading: string | null;
  articleIds: number[];
}

const UNPLACED = "unplaced";
let keySeq = 0;
const newKey = () => `s${++keySeq}`;

export function AssemblyBoard({
  issueId,
  sections: initialSections,
  unplaced: initialUnplaced,
  articles,
  editable: editableProp,
}: {
  issueId: number;
  sections: { heading: string | null; articleIds: number[] }[];
  unplaced: number[];
  articles: BoardArticle[];
  editable: boolean;
}) {
  const t = useTranslations("issues.board");
  const router = useRouter();
  // Awaiting 签发 or signed: read-only until the editor accepts that a change voids it.
  const locked = useEditLocked();
  const editable = editableProp && !locked;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const [columns, setColumns] = useState<Column[]>(() => initialSections.map((s) => ({ key: newKey(), ...s })));
  const [unplaced, setUnplaced] = useState<number[]>(initialUnplaced);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });
  const [newHeading, setNewHeading] = useState("");
  /** The section whose 改名 dialog is open. */
  const [renaming, setRenaming] = useState<Column | null>(null);
  const versionRef = useIssueVersion();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  // Saves run one at a time: a change made while a save is in flight is
  // saved after it with the new version (only the latest layout is sent), so
  // quick successive moves never conflict with each other.
  const queue = useRef<{ running: boolean; next: Column[] | null }>({ running: false, next: null });
  const save = useCallback(
    async (next: Column[]) => {
      const q = queue.current;
      q.next = next;
      setStatus({ kind: "saving" });
      if (q.running) return;
      q.running = true;
      try {
        while (q.next) {
          const cols = q.next;
          q.next = null;
          const layout = { sections: cols.map((c) => ({ heading: c.heading, articleIds: c.articleIds })), version: versionRef.current };
          const r = await callApi<{ version: number }>(`/api/v1/issues/${issueId}/layout`, { method: "PUT", json: layout });
          if (!r.ok) {
            q.next = null;
            setStatus({ kind: "error", message: r.error.message });
            return;
          }
          versionRef.current = r.data.version;
        }
        setStatus({ kind: "saved" });
        router.refresh();
      } finally {
        q.running = false;
      }
    },
    [issueId, router, versionRef],
  );

  function commit(nextColumns: Column[], nextUnplaced: number[]) {
    setColumns(nextColumns);
    setUnplaced(nextUnplaced);
    void save(nextColumns);
  }

  const containerOf = (id: number | string): string | null => {
    if (typeof id === "string") return id;
    if (unplaced.includes(id)) return UNPLACED;
    return columns.find((c) => c.articleIds.includes(id))?.key ?? null;
  };

  function moveTo(articleId: number, target: string, index?: number) {
    const from = containerOf(articleId);
    if (!from) return;
    const nextUnplaced = unplaced.filter((x) => x !== articleId);
    const nextColumns = columns.map((c) => ({ ...c, articleIds: c.articleIds.filter((x) => x !== articleId) }));
    if (target === UNPLACED) nextUnplaced.splice(index ?? nextUnplaced.length, 0, articleId);
    else {
      const col = nextColumns.find((c) => c.key === target);
      if (!col) return;
      col.articleIds.splice(index ?? col.articleIds.length, 0, articleId);
    }
    commit(nextColumns, nextUnplaced);
  }

  function moveWithin(articleId: number, delta: number) {
    const key = containerOf(articleId);
    if (!key || key === UNPLACED) return;
    const col = columns.find((c) => c.key === key)!;
    const i = col.articleIds.indexOf(articleId);
    const j = i + delta;
    if (j < 0 || j >= col.articleIds.length) return;
    commit(
      columns.map((c) => (c.key === key ? { ...c, articleIds: arrayMove(c.articleIds, i, j) } : c)),
      unplaced,
    );
  }

  // Where a drag ends decides the move; nothing moves between lists while
  // dragging (moving items across containers mid-drag makes the collision
  // target flip back and forth, an endless update loop with long lists).
  function onDragEnd(e: DragEndEvent) {
    const active = e.active.id as number;
    const over = e.over?.id;
    if (over === undefined || over === active) return;
    const from = containerOf(active);
    const to = containerOf(over as number | string);
    if (!from || !to) return;
    const list = to === UNPLACED ? unplaced : columns.find((c) => c.key === to)!.articleIds;
    const overIndex = typeof over === "number" ? list.indexOf(over) : -1;
    if (from !== to) return moveTo(active, to, overIndex < 0 ? undefined : overIndex);
    if (overIndex < 0) return;
    if (to === UNPLACED) commit(columns, arrayMove(unplaced, unplaced.indexOf(active), overIndex));
    else commit(columns.map((c) => (c.key === to ? { ...c, articleIds: arrayMove(c.articleIds, c.articleIds.indexOf(active), overIndex) } : c)), unplaced);
  }

  const collisionDetection = closestArticleFirst((id) => (id === UNPLACED ? unplaced : (columns.find((c) => c.key === id)?.articleIds ?? [])));

  // What a screen reader hears while dragging, in the page's language.
  const titleOfId = (id: number | string) => (typeof id === "number" ? (byId.get(id)?.title ?? `#${id}`) : "");
  const placeOf = (id: number | string) => {
    if (typeof id === "number") return t("dnd.overArticle", { title: titleOfId(id) });
    if (id === UNPLACED) return t("unplaced");
    const col = columns.find((c) => c.key === id);
    return col?.heading == null ? t("leadGroup") : `【${col.heading}】`;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dnd.start", { title: titleOfId(active.id) }),
    onDragOver: ({ active, over }) =>
      over?.id === active.id ? t("dnd.start", { title: titleOfId(active.id) }) : over ? t("dnd.over", { title: titleOfId(active.id), place: placeOf(over.id) }) : t("dnd.nowhere", { title: titleOfId(active.id) }),
    onDragEnd: ({ active, over }) => (over ? t("dnd.end", { title: titleOfId(active.id), place: placeOf(over.id) }) : t("dnd.nowhere", { title: titleOfId(active.id) })),
    onDragCancel: ({ active }) => t("dnd.cancel", { title: titleOfId(active.id) }),
  };

  function addSection(e: React.FormEvent) {
    e.preventDefault();
    const heading = sectionHeadingText(newHeading);
    if (!heading) return;
    setNewHeading("");
    commit([...columns, { key: newKey(), heading, articleIds: [] }], unplaced);
  }

  function renameSection(key: string, heading: string) {
    commit(columns.map((c) => (c.key === key ? { ...c, heading } : c)), unplaced);
  }

  function removeSection(key: string) {
    const col = columns.find((c) => c.key === key);
    if (!col) return;
    // A removed section's articles go back to the unplaced list.
    commit(columns.filter((c) => c.key !== key), [...unplaced, ...col.articleIds]);
  }

  function moveSection(key: string, delta: number) {
    const i = columns.findIndex((c) => c.key === key);
    const j = i + delta;
    if (j < 0 || j >= columns.length || columns[j]!.heading === null || columns[i]!.heading === null) return;
    commit(arrayMove(columns, i, j), unplaced);
  }

  function addLeadGroup() {
    if (columns[0]?.heading === null) return;
    commit([{ key: newKey(), heading: null, articleIds: [] }, ...columns], unplaced);
  }

  const targets = [...columns.map((c) => ({ key: c.key, label: c.heading === null ? t("leadGroup") : `【${c.heading}】` })), { key: UNPLACED, label: t("unplaced") }];

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragEnd={editable ? onDragEnd : undefined}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
    >
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-label={t("layout")}>
          <div className="mb-2 flex items-center gap-3">
            <h2 className="text-lg font-semibold">{t("layout")}</h2>
            <p role="status" aria-live="polite" className={`text-sm ${status.kind === "error" ? "text-red-700" : "text-stone-500"}`} data-testid="layout-status">
              {status.kind === "saving" ? t("saving") : status.kind === "saved" ? t("saved") : status.kind === "error" ? status.message : ""}
            </p>
          </div>
          {columns.length === 0 && <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("noSections")}</p>}
          {columns.map((c, index) => (
            <Container key={c.key} id={c.key} label={c.heading === null ? t("leadGroup") : `【${c.heading}】`} empty={t("emptySection")} count={c.articleIds.length}>
              {editable && (
                <div className="mb-2 flex flex-wrap gap-1 text-xs">
                  {c.heading !== null && (
                    <>
                      <SmallButton label={t("sectionUp", { heading: c.heading })} onClick={() => moveSection(c.key, -1)} disabled={index === 0 || columns[index - 1]?.heading === null}>
                        ↑
                      </SmallButton>
                      <SmallButton label={t("sectionDown", { heading: c.heading })} onClick={() => moveSection(c.key, 1)} disabled={index === columns.length - 1}>
                        ↓
                      </SmallButton>
                      <SmallButton label={t("rename", { heading: c.heading })} onClick={() => setRenaming(c)}>
                        {t("renameShort")}
                      </SmallButton>
                    </>
                  )}
                  <SmallButton label={t("removeSection", { heading: c.heading ?? t("leadGroup") })} onClick={() => removeSection(c.key)}>
                    {t("removeShort")}
                  </SmallButton>
                </div>
              )}
              <SortableContext items={c.articleIds} strategy={verticalListSortingStrategy}>
                {c.articleIds.map((id, i) => (
                  <Item
                    key={id}
                    article={byId.get(id) ?? { id, title: `#${id}`, unit: "" }}
                    editable={editable}
                    targets={targets.filter((x) => x.key !== c.key)}
                    onMove={(target) => moveTo(id, target)}
                    onUp={i > 0 ? () => moveWithin(id, -1) : undefined}
                    onDown={i < c.articleIds.length - 1 ? () => moveWithin(id, 1) : undefined}
                  />
                ))}
              </SortableContext>
            </Container>
          ))}
          {editable && (
            <div className="mt-3 flex flex-wrap items-end gap-3">
              <form onSubmit={addSection} className="flex items-end gap-2">
                <label className="block text-sm">
                  <span className="mb-1 block text-stone-600">{t("newSection")}</span>
                  <input value={newHeading} onChange={(e) => setNewHeading(e.target.value)} placeholder={t("newSectionPlaceholder")} className="rounded border border-stone-300 px-2 py-1" />
                </label>
                <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100">
                  {t("addSection")}
                </button>
              </form>
              {columns[0]?.heading !== null && (
                <button type="button" onClick={addLeadGroup} className="text-sm text-stone-600 underline">
                  {t("addLeadGroup")}
                </button>
              )}
            </div>
          )}
        </section>
        {/* Beside the layout and scrollable on its own, so any article can be dragged into any section without scrolling the page. */}
        <aside aria-label={t("unplaced")} className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <Container id={UNPLACED} label={t("unplaced")} empty={t("noUnplaced")} count={unplaced.length} heading>
            <SortableContext items={unplaced} strategy={verticalListSortingStrategy}>
              {unplaced.map((id) => (
                <Item key={id} article={byId.get(id) ?? { id, title: `#${id}`, unit: "" }} editable={editable} targets={targets.filter((x) => x.key !== UNPLACED)} onMove={(target) => moveTo(id, target)} />
              ))}
            </SortableContext>
          </Container>
        </aside>
      </div>
      <PromptDialog
        open={renaming !== null}
        onOpenChange={(open) => !open && setRenaming(null)}
        title={t("rename", { heading: renaming?.heading ?? "" })}
        label={t("renamePrompt")}
        initial={renaming?.heading ?? ""}
        check={(value) => {
          const heading = sectionHeadingText(value);
          return heading ? { value: heading } : { error: t("headingRequired") };
        }}
        onSubmit={(heading) => renaming && renameSection(renaming.key, heading)}
      />
    </DndContext>
  );
}

function SmallButton({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: React.ReactNode }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} disabled={disabled} className="rounded border border-stone-300 bg-white px-2 py-0.5 hover:bg-stone-100 disabled:opacity-40">
      {children}
    </button>
  );
}

function Container({ id, label, empty, count, heading, children }: { id: string; label: string; empty: string; count: number; heading?: boolean; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  const Title = heading ? "h2" : "h3";
  return (
    <div ref={setNodeRef} role="group" aria-label={label} className={`mb-3 rounded border bg-white p-3 ${isOver ? "border-blue-400" : "border-stone-200"}`}>
      <Title className="mb-2 font-semibold">{label}</Title>
      <ol className="min-h-10 space-y-1">{children}</ol>
      {count === 0 && <p className="text-sm text-stone-500">{empty}</p>}
    </div>
  );
}

function Item({
  article,
  editable,
  targets,
  onMove,
  onUp,
  onDown,
}: {
  article: BoardArticle;
  editable: boolean;
  targets: { key: string; label: string }[];
  onMove: (target: string) => void;
  onUp?: () => void;
  onDown?: () => void;
}) {
  const t = useTranslations("issues.board");
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: article.id, disabled: !editable });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-center gap-2 rounded border border-stone-200 bg-stone-50 px-2 py-1.5 text-sm ${isDragging ? "opacity-60 shadow" : ""}`}
      data-article-id={article.id}
    >
      {editable && (
        <button type="button" {...attributes} {...listeners} aria-label={t("dragHandle", { title: article.title })} className="cursor-grab px-1 text-stone-400 hover:text-stone-700">
          ⠿
        </button>
      )}
      <span className="flex-1">
        <span className="block">{article.title}</span>
        <span className="block text-xs text-stone-500">{article.unit}</span>
      </span>
      {editable && (
        <span className="flex shrink-0 items-center gap-1">
          {onUp && (
            <SmallButton label={t("moveUp", { title: article.title })} onClick={onUp}>
              ↑
            </SmallButton>
          )}
          {onDown && (
            <SmallButton label={t("moveDown", { title: article.title })} onClick={onDown}>
              ↓
            </SmallButton>
          )}
          <select
            aria-label={t("moveTo", { title: article.title })}
            value=""
            onChange={(e) => e.target.value && onMove(e.target.value)}
            className="max-w-28 rounded border border-stone-300 bg-white px-1 py-0.5 text-xs"
          >
            <option value="">{t("moveToShort")}</option>
            {targets.map((x) => (
              <option key={x.key} value={x.key}>
                {x.label}
              </option>
            ))}
          </select>
        </span>
      )}
    </li>
  );
}
