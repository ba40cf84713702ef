// Where a dragged article is "over" on the assembly board.
import { closestCenter, type CollisionDetection, type UniqueIdentifier } from "@dnd-kit/core";

/**
 * closestCenter, except that a list (a section, or the unplaced articles)
 * that holds articles gives way to the closest of them. A tall section's own
 * centre can lie nearer the dragged article than the next article's does (a
 * two-line title, a heading above), and a drop on a list as a whole moves
 * nothing within it: a keyboard user's ArrowDown then announced "移到【栏目】"
 * and Space changed nothing. An empty list stays a target of its own.
 * `articlesIn` gives the article ids of a list's id (lists have string ids,
 * articles numbers).
 */
export function closestArticleFirst(articlesIn: (listId: string) => readonly UniqueIdentifier[]): CollisionDetection {
  return (args) => {
    const hits = closestCenter(args);
    const first = hits[0]?.id;
    if (typeof first !== "string") return hits;
    const inside = new Set(articlesIn(first));
    if (inside.size === 0) return hits;
    const closest = closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => inside.has(c.id)) });
    return closest.length > 0 ? closest : hits;
  };
}
