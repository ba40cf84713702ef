// 客户端: how to install the reader app on a phone or computer, a QR code of
// the site's address, and what this browser keeps for offline reading.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { KeptIssues } from "@/components/reader/kept-issues";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("readerApp");
  return { title: t("title") };
}

/** The site's address as the reader reached it (behind a proxy, the host it was asked for). */
async function siteAddress(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL("/", configured).toString();
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}/`;
}

export default async function AppPage() {
  const t = await getTranslations("readerApp");
  const address = await siteAddress();
  const qr = await QRCode.toString(address, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <article>
      <h1 className="mb-3 font-serif text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-stone-700">{t("intro")}</p>
      <figure className="mb-6 flex items-center gap-4">
        <div className="h-36 w-36 shrink-0 border border-stone-200 bg-white p-1" role="img" aria-label={`${t("qrCaption")}：${address}`} dangerouslySetInnerHTML={{ __html: qr }} />
        <figcaption className="text-sm text-stone-600">
          {t("qrCaption")}
          <br />
          <span className="font-mono break-all text-stone-800">{address}</span>
        </figcaption>
      </figure>
      <dl className="space-y-3">
        {(["android", "ios", "desktop"] as const).map((k) => (
          <div key={k}>
            <dt className="font-semibold">{t(k)}</dt>
            <dd className="text-stone-700">{t(`${k}Steps`)}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("offlineHeading")}</h2>
      <p className="text-stone-700">{t("offlineSteps")}</p>
      <KeptIssues />
    </article>
  );
}
