/** 启用 / 停用, 待改密 while a one-time password is still in use, 已锁定 while sign-in is locked. */
export function UserStatus({
  active,
  mustChange,
  locked = false,
  t,
}: {
  active: boolean;
  mustChange: boolean;
  locked?: boolean;
  t: (key: "users.active" | "users.inactive" | "users.mustChange" | "users.locked") => string;
}) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${active ? "bg-green-100 text-green-800" : "bg-stone-200 text-stone-700"}`}>
        {active ? t("users.active") : t("users.inactive")}
      </span>
      {locked ? <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">{t("users.locked")}</span> : null}
      {mustChange && active ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{t("users.mustChange")}</span> : null}
    </span>
  );
}
