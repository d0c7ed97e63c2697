import { defineRouting } from "next-intl/routing";
import { locales } from "../lib/localized";

export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
});
