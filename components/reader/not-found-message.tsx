import { getTranslations } from "next-intl/server";

/** "Not found" inside the reader frame, which provides the <main> landmark. */
export async function NotFoundMessage() {
  const t = await getTranslations("common");
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-stone-600">{t("notFoundText")}</p>
      <p className="mt-6">
        <a href="/" className="text-bulletin-red hover:underline">
          {t("backHome")}
        </a>
      </p>
    </div>
  );
}
