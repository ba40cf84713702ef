// Where an audit entry's target lives in the workspace, if anywhere.
const ROUTES: Record<string, (id: string) => string> = {
  user: (id) => `/workspace/admin/users/${id}`,
  unit: (id) => `/workspace/admin/units#unit-${id}`,
  publication: (id) => `/workspace/admin/publications/${encodeURIComponent(id)}`,
  api_token: () => `/workspace/tokens?all=1`,
  article: (id) => `/workspace/articles/${id}`,
  issue: (id) => `/workspace/issues/${id}`,
  scoring_weights: () => `/workspace/stats/weights`,
  security_settings: () => `/workspace/admin/security`,
  media: (id) => `/media/${id}`,
  commission: (id) => `/workspace/commissions/${id}`,
};

export function auditTargetHref(targetType: string | null, targetId: string | null): string | null {
  if (!targetType || !targetId) return null;
  const route = ROUTES[targetType];
  return route ? route(targetId) : null;
}
