"use client";
// Small form pieces for the desks: a labelled field with its error, the form's message, buttons.
import type { ActionResult } from "@/app/actions/result";

import { secondaryButtonClass } from "./styles";

export function fieldErrorOf<T>(state: ActionResult<T> | null, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-stone-700">{label}</span>
      {children}
      {hint && !error ? <span className="mt-1 block text-xs text-stone-500">{hint}</span> : null}
      {error ? <span className="mt-1 block text-xs text-red-700">{error}</span> : null}
    </label>
  );
}

export function FormMessage<T>({ state, success }: { state: ActionResult<T> | null; success?: string }) {
  if (!state) return null;
  if (state.ok) {
    return success ? (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
        {success}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.message}
    </p>
  );
}

/** A secret shown exactly once (one-time password, API token), with a copy button. */
export function ShownOnce({ label, value, note, copyLabel }: { label: string; value: string; note: string; copyLabel: string }) {
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="shown-once">
      <p className="font-medium">{label}</p>
      <div className="mt-2 flex items-center gap-2">
        <code className="flex-1 rounded bg-white px-2 py-1 font-mono break-all select-all" data-testid="secret">
          {value}
        </code>
        <button type="button" className={secondaryButtonClass} onClick={() => navigator.clipboard?.writeText(value)}>
          {copyLabel}
        </button>
      </div>
      <p className="mt-2 text-xs text-amber-900">{note}</p>
    </div>
  );
}
