import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { sessionMetadata } from "@/components/edition-pages/session-metadata";
import { SessionBody } from "@/components/edition-pages/session-body";
import { getPublicSession, listPublicSessionSlugs } from "@/db/queries/sessions";
import { isSlug } from "@/lib/slug";
import { editionOf } from "../../edition";

type Props = PageProps<"/[locale]/[edition]/sessions/[slug]">;

export function generateStaticParams({ params }: { params: { edition: string } }) {
  return listPublicSessionSlugs(editionOf(params.edition).id).map((slug) => ({ slug }));
}

/** A session of the edition the address names: slugs are unique within an edition only. */
function load(path: string, slug: string) {
  const edition = editionOf(path);
  const session = isSlug(slug) ? getPublicSession(slug, edition.id) : undefined;
  return session && { edition, session };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, edition, slug } = await params;
  const found = load(edition, slug);
  return found ? sessionMetadata(locale, `/${edition}/sessions/${slug}`, found.session) : {};
}

/** A session at its edition's permanent address. */
export default async function EditionSessionPage({ params }: Props) {
  const { locale, edition, slug } = await params;
  setRequestLocale(locale);
  const found = load(edition, slug);
  if (!found) notFound();
  return <SessionBody edition={found.edition} session={found.session} locale={locale} />;
}
