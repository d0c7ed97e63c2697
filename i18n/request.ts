import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { getEvent } from "../db/queries/event";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    // The edition's zone: any date next-intl formats is the forum's, not the server's.
    timeZone: getEvent().timeZone,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
