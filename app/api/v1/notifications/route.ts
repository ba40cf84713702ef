import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { listNotifications, markNotificationsRead, unreadCount } from "@/lib/notifications/notifications";

export const GET = apiRoute(async ({ viewer }) => ({ unread: await unreadCount(viewer), notifications: await listNotifications(viewer) }));

const readSchema = z.object({ articleId: z.number().int().min(1).optional() }).strict();

export const POST = apiRoute(async ({ request, viewer }) => {
  const body = await readJson(request, readSchema);
  await markNotificationsRead(viewer, body.articleId);
  return { ok: true };
});
