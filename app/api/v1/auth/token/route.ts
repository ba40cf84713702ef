import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createApiToken } from "@/lib/auth/tokens";
import { viewerFromUser } from "@/lib/auth/viewer";

const bodySchema = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
  name: z.string().trim().min(1).max(100).optional(),
});

export const POST = apiRoute(
  async ({ request }) => {
    const body = await readJson(request, bodySchema, 8 * 1024);
    const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
    const user = await signInWithPassword({ email: body.email, password: body.password, ip });
    const { token } = await createApiToken(viewerFromUser(user), user.id, body.name ?? "API");
    return { token };
  },
  { auth: false },
);
