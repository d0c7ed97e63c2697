import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { sessionMetadata } from "@/components/edition-pages/session-metadata";
import { SessionBody } from "@/components/edition-pages/session-body";
import { getEvent } from "@/db/queries/event";
import { getPublicSession, listPublicSessionSlugs } from "@/db/queries/sessions";
import { isSlug } from "@/lib/slug";

type Props = PageProps<"/[locale]/sessions/[slug]">;

export function generateStaticParams() {
  return listPublicSessionSlugs().map((slug) => ({ slug }));
}

/** A session of the current edition: the address every published link has always used. */
function load(slug: string) {
  const edition = getEvent();
  const session = isSlug(slug) ? getPublicSession(slug, edition.id) : undefined;
  return session && { edition, session };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const found = load(slug);
  return found ? sessionMetadata(locale, `/sessions/${slug}`, found.session) : {};
}

export default async function SessionPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const found = load(slug);
  if (!found) notFound();
  return <SessionBody edition={found.edition} session={found.session} locale={locale} />;
}
