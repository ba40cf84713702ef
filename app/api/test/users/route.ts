import { apiRoute, readJson } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { createE2eUser, e2eHookEnabled, e2eUserSchema } from "@/lib/e2e/hook";

export const POST = apiRoute(
  async ({ request }) => {
    if (!e2eHookEnabled(request)) throw new AppError("not_found", "api.noSuchEndpoint");
    return createE2eUser(await readJson(request, e2eUserSchema));
  },
  { auth: false },
);
