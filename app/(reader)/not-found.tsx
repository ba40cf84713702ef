import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Not found" inside the reader layout, which already provides the <main> landmark. */
export default async function ReaderNotFound() {
  const t = await getTranslations("common");
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("notFoundText")}</p>
      <p className="mt-6">
        <Link href="/" className="text-bulletin-red hover:underline">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}
