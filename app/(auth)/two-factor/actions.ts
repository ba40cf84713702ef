"use server";
import QRCode from "qrcode";
import { getSessionViewer } from "@/lib/auth/viewer";
import { enableTwoFactor, setupTwoFactor } from "@/lib/auth/two-factor";
import { failure, type ActionResult } from "@/app/actions/result";

/** A new secret and its QR code (a data: URL drawn on the server, so the secret never leaves for a third party). */
export async function setupTwoFactorAction(): Promise<ActionResult<{ secret: string; otpauthUrl: string; qr: string }>> {
  try {
    const { secret, otpauthUrl } = await setupTwoFactor(await getSessionViewer());
    const qr = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 1, width: 220 });
    return { ok: true, data: { secret, otpauthUrl, qr } };
  } catch (e) {
    return failure(e);
  }
}

export async function enableTwoFactorAction(_prev: ActionResult<{ recoveryCodes: string[] }> | null, form: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  try {
    const { recoveryCodes } = await enableTwoFactor(await getSessionViewer(), String(form.get("code") ?? "").slice(0, 20));
    return { ok: true, data: { recoveryCodes } };
  } catch (e) {
    return failure(e);
  }
}
