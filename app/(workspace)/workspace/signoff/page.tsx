import { notFound } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { SignoffDesk } from "@/components/signoff/signoff-desk";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("signoff");

/** 待签发: the issues awaiting the signer's decision (signers and admins). */
export default async function SignoffPage() {
  const viewer = await requireSignedIn("/workspace/signoff");
  if (!can(viewer, "signoff:issue:any")) notFound();
  return <SignoffDesk viewer={viewer} />;
}
