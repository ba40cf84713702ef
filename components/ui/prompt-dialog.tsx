"use client";
// The app's window.prompt: one line of text in the desks' dialog, checked
// before it closes (a link's address, a section's new name).
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Dialog, DialogCancel } from "./dialog";
import { buttonClass, inputClass } from "./styles";

export interface PromptDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  label: string;
  /** The text the field starts with each time the dialog opens. */
  initial: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  /** The cleaned value, or `{ error }` to keep the dialog open and say why. */
  check: (value: string) => { value: string } | { error: string };
  onSubmit: (value: string) => void;
  /** Where focus goes on closing (e.g. back into the editor); by default the element that had it. */
  onCloseAutoFocus?: (event: Event) => void;
}

export function PromptDialog({ open, onOpenChange, title, description, onCloseAutoFocus, ...form }: PromptDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description} onCloseAutoFocus={onCloseAutoFocus}>
      {/* Mounted only while open, so each opening starts from `initial`; Radix focuses the field and selects its text. */}
      <PromptForm {...form} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function PromptForm({
  label,
  initial,
  inputMode,
  check,
  onSubmit,
  onDone,
}: Pick<PromptDialogProps, "label" | "initial" | "inputMode" | "check" | "onSubmit"> & { onDone: () => void }) {
  const t = useTranslations("common");
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = check(value);
        if ("error" in checked) return setError(checked.error);
        onSubmit(checked.value);
        onDone();
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{label}</span>
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className={inputClass}
          inputMode={inputMode}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogCancel>{t("cancel")}</DialogCancel>
        <button type="submit" className={buttonClass}>
          {t("ok")}
        </button>
      </div>
    </form>
  );
}
