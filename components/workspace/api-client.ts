// The desks call the same JSON API as everyone else (same-origin, session cookie).
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  [key: string]: unknown;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

export async function callApi<T>(path: string, init: { method?: string; json?: unknown; body?: BodyInit; keepalive?: boolean } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.json !== undefined || init.body ? "POST" : "GET"),
      headers: init.json !== undefined ? { "content-type": "application/json" } : undefined,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      keepalive: init.keepalive,
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, error: { code: "network", message: "网络连接中断" } };
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, data: data as T };
  const error = (data as { error?: ApiError } | null)?.error ?? { code: "http", message: `HTTP ${res.status}` };
  return { ok: false, status: res.status, error };
}
