import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("notFoundText")}</p>
      <p className="mt-6">
        <Link href="/" className="text-bulletin-red hover:underline">
          {t("backHome")}
        </Link>
      </p>
    </main>
  );
}
