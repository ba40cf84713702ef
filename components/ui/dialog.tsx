"use client";
// The one dialog: Radix (focus trap, Escape, aria wiring), styled for the desks.
import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef } from "react";
import { secondaryButtonClass } from "./styles";

export function Dialog({
  trigger,
  title,
  description,
  open,
  onOpenChange,
  onCloseAutoFocus,
  children,
}: {
  /** The button that opens it; none when the dialog is opened from code (open/onOpenChange). */
  trigger?: React.ReactNode;
  title: string;
  description?: string;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Where focus goes on closing; by default back to the trigger, or without one to what had focus before. */
  onCloseAutoFocus?: (event: Event) => void;
  children: React.ReactNode;
}) {
  // Radix returns focus to the trigger only; a dialog opened from code returns it to where it was.
  const returnTo = useRef<HTMLElement | null>(null);
  const restoreFocus = (event: Event) => {
    event.preventDefault();
    returnTo.current?.focus();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <RadixDialog.Content
          onOpenAutoFocus={() => {
            returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={onCloseAutoFocus ?? (trigger ? undefined : restoreFocus)}
          className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-stone-600">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export const DialogClose = RadixDialog.Close;

/** 取消 (or 完成): closes the dialog and changes nothing. */
export function DialogCancel({ children, disabled }: { children: React.ReactNode; disabled?: boolean }) {
  return (
    <RadixDialog.Close asChild>
      <button type="button" disabled={disabled} className={secondaryButtonClass}>
        {children}
      </button>
    </RadixDialog.Close>
  );
}
