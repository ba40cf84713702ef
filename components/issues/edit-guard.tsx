"use client";
// While an issue awaits 签发 or is signed, its board and details are locked
// behind a warning: a change voids the signature and takes the issue back to
// draft (the server does that on the first save). The editor unlocks it here.
import { useTranslations } from "next-intl";
import { createContext, useContext, useState } from "react";
import { Dialog, DialogClose } from "@/components/ui/dialog";

const EditGuardContext = createContext<{ locked: boolean; unlock: () => void }>({ locked: false, unlock: () => {} });

/**
 * `stage` names the request or signature being guarded (status and time): an
 * unlock holds for that one only, so a new request locks the board again.
 */
export function IssueEditGuard({ guarded, stage, children }: { guarded: boolean; stage: string; children: React.ReactNode }) {
  const [unlockedStage, setUnlockedStage] = useState<string | null>(null);
  return (
    <EditGuardContext.Provider value={{ locked: guarded && unlockedStage !== stage, unlock: () => setUnlockedStage(stage) }}>{children}</EditGuardContext.Provider>
  );
}

/** Whether the board and the details form must stay read-only for now. */
export function useEditLocked(): boolean {
  return useContext(EditGuardContext).locked;
}

export function EditGuardNotice({ issueLabel }: { issueLabel: string }) {
  const t = useTranslations("signoff.board");
  const tc = useTranslations("signoff.confirm");
  const { locked, unlock } = useContext(EditGuardContext);
  const [open, setOpen] = useState(false);
  if (!locked) return null;
  return (
    <div role="note" className="my-4 flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="edit-guard">
      <span className="flex-1">{t("locked")}</span>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t("unlockTitle")}
        description={t("unlockBody", { issue: issueLabel })}
        trigger={
          <button type="button" className="rounded border border-amber-400 bg-white px-3 py-1.5 hover:bg-amber-100">
            {t("unlock")}
          </button>
        }
      >
        <div className="flex justify-end gap-3">
          <DialogClose asChild>
            <button type="button" className="rounded border border-stone-300 px-3 py-1.5 text-sm">
              {tc("cancel")}
            </button>
          </DialogClose>
          <button
            type="button"
            onClick={() => {
              unlock();
              setOpen(false);
            }}
            className="rounded bg-amber-700 px-3 py-1.5 text-sm text-white hover:bg-amber-800"
          >
            {t("unlockConfirm")}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
