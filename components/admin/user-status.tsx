/** 启用 / 停用, and 待改密 while a one-time password is still in use. */
export function UserStatus({ active, mustChange, t }: { active: boolean; mustChange: boolean; t: (key: "users.active" | "users.inactive" | "users.mustChange") => string }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${active ? "bg-green-100 text-green-800" : "bg-stone-200 text-stone-700"}`}>
        {active ? t("users.active") : t("users.inactive")}
      </span>
      {mustChange && active ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{t("users.mustChange")}</span> : null}
    </span>
  );
}
