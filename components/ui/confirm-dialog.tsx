"use client";
// The app's window.confirm: one question before a step that cannot be taken
// back (吊销令牌, 停用账号), answered with 取消 or the named action.
import { useTranslations } from "next-intl";
import { Dialog, DialogCancel } from "./dialog";
import { dangerButtonClass } from "./styles";

export function ConfirmDialog({
  trigger,
  title,
  description,
  open,
  onOpenChange,
  confirmLabel,
  onConfirm,
  pending,
}: {
  trigger: React.ReactNode;
  title: string;
  description: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  confirmLabel: string;
  /** Runs the step; the caller closes the dialog when it is done (onOpenChange(false)). */
  onConfirm: () => void;
  pending?: boolean;
}) {
  const t = useTranslations("common");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description} trigger={trigger}>
      <div className="flex justify-end gap-2">
        <DialogCancel>{t("cancel")}</DialogCancel>
        <button type="button" disabled={pending} className={`${dangerButtonClass} font-medium`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
