import { useLocale } from "next-intl";
import NextLink from "next/link";
import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

/**
 * A link within the site, in the page's language. Unlike next-intl's own Link, a server component
 * that renders it sends the browser next/link alone, not next-intl's client runtime.
 * No prefetch unless asked: on a phone on the venue's network, the agenda's sixty session links
 * would each fetch their page as they scroll into view, competing with the page being read.
 */
export function Link({ href, prefetch = false, ...rest }: Props) {
  const locale = useLocale();
  return <NextLink href={localeHref(locale, href)} prefetch={prefetch} {...rest} />;
}

export function localeHref(locale: string, href: string): string {
  return `/${locale}${href === "/" ? "" : href}`;
}
