import type { ClientRect, DroppableContainer, UniqueIdentifier } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { closestArticleFirst } from "./board-collision";

const rect = (top: number, height: number, left = 0, width = 600): ClientRect => ({ top, height, left, width, bottom: top + height, right: left + width });

/** The board of the flaky run: section 【栏目】 (510–775) holding a (586–634), b (640–708, two lines), c (714–762); an empty section below. */
function board() {
  const rects = new Map<UniqueIdentifier, ClientRect>([
    ["s1", rect(510, 265)],
    [1, rect(586, 48, 12, 576)],
    [2, rect(640, 68, 12, 576)],
    [3, rect(714, 48, 12, 576)],
    ["s2", rect(800, 80)],
  ]);
  const containers = [...rects.keys()].map((id) => ({ id, disabled: false }) as unknown as DroppableContainer);
  const lists: Record<string, UniqueIdentifier[]> = { s1: [1, 2, 3], s2: [] };
  return { rects, containers, detect: closestArticleFirst((id) => lists[id] ?? []) };
}

describe("closestArticleFirst", () => {
  it("gives the article, not its section, when the section's centre is the nearest", () => {
    const { rects, containers, detect } = board();
    // Article 1 dragged with its top a little above b's: the section's centre (642.5) is nearer than b's (674).
    const collisionRect = rect(620, 48, 12, 576);
    const args = { active: { id: 1 } as never, collisionRect, droppableRects: rects, droppableContainers: containers, pointerCoordinates: null };
    expect(detect(args)[0]?.id).toBe(2);
  });

  it("keeps an empty section as a target, and an article that is nearest as it is", () => {
    const { rects, containers, detect } = board();
    const base = { active: { id: 1 } as never, droppableRects: rects, droppableContainers: containers, pointerCoordinates: null };
    expect(detect({ ...base, collisionRect: rect(810, 48, 12, 576) })[0]?.id).toBe("s2");
    expect(detect({ ...base, collisionRect: rect(716, 48, 12, 576) })[0]?.id).toBe(3);
  });
});
