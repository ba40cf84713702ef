"use client";
// Small form pieces for the desks: a labelled field with its error, the form's message, buttons.
import type { ActionResult } from "@/app/actions/result";

import { cloneElement, useId } from "react";
import { secondaryButtonClass } from "./styles";

export function fieldErrorOf<T>(state: ActionResult<T> | null, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

/**
 * A labelled control: the label names it, and the hint or error describes it
 * (aria-describedby), so a screen reader hears the error with the field.
 */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: React.ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  const control = cloneElement(children, {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": note ? noteId : undefined,
  });
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block font-medium text-stone-700">
        {label}
      </label>
      {control}
      {note ? (
        <span id={noteId} className={`mt-1 block text-xs ${error ? "text-red-700" : "text-stone-500"}`}>
          {note}
        </span>
      ) : null}
    </div>
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
