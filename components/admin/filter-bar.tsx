import { DeskLink } from "@/components/workspace/desk-link";
import { inputClass, buttonClass } from "@/components/ui/styles";

type FilterField =
  | { kind: "text" | "date"; name: string; label: string; value: string }
  | { kind: "select"; name: string; label: string; value: string; options: { value: string; label: string }[] };

/** A GET form of filters: the URL holds the state, so a filtered list can be shared and reloaded. */
export function FilterBar({ fields, submitLabel, resetLabel, resetHref }: { fields: FilterField[]; submitLabel: string; resetLabel: string; resetHref: string }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-stone-50 p-3">
      {fields.map((f) => (
        <label key={f.name} className="text-xs text-stone-600">
          <span className="mb-1 block">{f.label}</span>
          {f.kind === "select" ? (
            <select name={f.name} defaultValue={f.value} className={`${inputClass} w-auto max-w-72 min-w-28`}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input name={f.name} type={f.kind} defaultValue={f.value} className={`${inputClass} w-44`} />
          )}
        </label>
      ))}
      <button type="submit" className={buttonClass}>
        {submitLabel}
      </button>
      <DeskLink href={resetHref} className="py-1.5 text-sm text-stone-600 hover:underline">
        {resetLabel}
      </DeskLink>
    </form>
  );
}
