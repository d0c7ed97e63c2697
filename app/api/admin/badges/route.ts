import { getTranslations } from "next-intl/server";
import { actorOf, requireRouteUser } from "@/auth/guard";
import { exportAttendees } from "@/db/queries/attendees";
import { consoleEdition } from "@/auth/edition";
import { secret } from "@/db/secrets";
import { strictBadgeFilters } from "@/lib/badges/filters";
import { renderBadges } from "@/lib/badges/pdf";
import { installedPdfFonts, PDF_FONTS } from "@/lib/pdf/fonts";
import { guarded } from "@/lib/http/guarded";
import { problem } from "@/lib/http/respond";
import { ticketToken } from "@/lib/registration/ticket";

export const dynamic = "force-dynamic";

/** The badges of the filtered attendees as one PDF (A6, or four to an A4 page). */
export const GET = guarded(async (request: Request): Promise<Response> => {
  const user = await requireRouteUser("attendees");
  if (user instanceof Response) return user;
  const parsed = strictBadgeFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, `${parsed.parameter} is not a filter of the badges page: print from its own link.`, { parameter: parsed.parameter });
  const { filters } = parsed;
  const fonts = installedPdfFonts();
  if (!fonts) {
    return problem(500, `Badges need the Chinese font ${PDF_FONTS.regular.path} (Debian package fonts-noto-cjk), which is not installed on the server.`);
  }
  const [en, zh] = await Promise.all([
    getTranslations({ locale: "en", namespace: "registration.categories" }),
    getTranslations({ locale: "zh-CN", namespace: "registration.categories" }),
  ]);
  // The badges of the console's edition, with its name on them.
  const event = await consoleEdition();
  const key = secret("TICKET_SECRET");
  const badges = exportAttendees(filters.list, { format: "badges", actor: actorOf(user), layout: filters.layout }, event.id).map((a) => ({
    fullName: a.fullName,
    altName: a.altName,
    organisation: a.organisation,
    category: a.category,
    code: a.code,
    categoryLabel: `${en(a.category)} · ${zh(a.category)}`,
    qr: ticketToken(a.code, key),
  }));
  if (badges.length === 0) return problem(404, "No attendee matches these filters: there is nothing to print.");
  const pdf = await renderBadges(badges, filters.layout, fonts, `${event.nameEn} · ${event.nameZh}`);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="badges-${filters.layout}.pdf"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
