// "next-intl" for server-rendering pages in Vitest (testing/render-page.ts):
// the client build, whose hooks the client components use, but with the
// server's NextIntlClientProvider — the async component Next renders in the
// server tree, which takes the locale and messages from the request
// (i18n/request.ts), as it does for a real request. Aliased in
// vitest.config.mts; no test imports next-intl otherwise.
// The files have no declarations of their own: their types are next-intl's (the alias changes no signature).
// @ts-expect-error -- see above
export * from "../node_modules/next-intl/dist/esm/development/index.react-client.js";
// @ts-expect-error -- see above
export { default as NextIntlClientProvider } from "../node_modules/next-intl/dist/esm/development/react-server/NextIntlClientProviderServer.js";
