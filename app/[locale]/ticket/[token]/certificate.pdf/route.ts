import { getTranslations } from "next-intl/server";
import { issueCertificate } from "@/db/queries/certificates";
import { rateLimited } from "@/db/queries/rate-limit";
import { findRegistrationByManageToken } from "@/db/queries/registrations";
import { renderCertificate, type CertificateText } from "@/lib/certificates/pdf";
import type { Event } from "@/db/schema";
import { formatEditionDates } from "@/lib/edition";
import { guarded } from "@/lib/http/guarded";
import { problem } from "@/lib/http/respond";
import { installedPdfFonts, PDF_FONTS } from "@/lib/pdf/fonts";
import { isManageToken } from "@/lib/registration/codes";
import { publicBaseUrl } from "@/lib/registration/urls";
import { formatDay } from "@/lib/time";

export const dynamic = "force-dynamic";

async function textIn(locale: "en" | "zh-CN", edition: Event, days: string[], code: string, url: string): Promise<CertificateText> {
  const t = await getTranslations({ locale, namespace: "certificate" });
  const zh = locale === "zh-CN";
  return {
    title: t("pdfTitle"),
    certify: t("certify"),
    attended: t("attended", {
      name: zh ? edition.nameZh : edition.nameEn,
      venue: zh ? edition.venueZh : edition.venueEn,
      dates: formatEditionDates(edition.startDate, edition.endDate, locale, "span"),
    }),
    days: new Intl.ListFormat(locale, { type: "conjunction" }).format(days.map((d) => formatDay(d, locale, "long"))),
    verification: t("verification", { code, url }),
  };
}

/**
 * The certificate of attendance of the person whose private link this is, in English and
 * Chinese on one page: 404 for a link that is no one's (as its page), 403 for someone not yet
 * checked in. Within the API's rate limit, so that links cannot be guessed at speed.
 */
export const GET = guarded(async (request: Request, { params }: RouteContext<"/[locale]/ticket/[token]/certificate.pdf">): Promise<Response> => {
  const limited = rateLimited(request);
  if (limited) return limited;
  const { token } = await params;
  const reg = isManageToken(token) ? findRegistrationByManageToken(token) : undefined;
  if (!reg || reg.erasedAt) return problem(404, "No registration has this link.");
  const fonts = installedPdfFonts();
  if (!fonts) return problem(500, `Certificates need the Chinese font ${PDF_FONTS.regular.path} (Debian package fonts-noto-cjk), which is not installed on the server.`);
  const issued = issueCertificate(reg);
  if (!issued.ok) return problem(403, "A certificate of attendance is for someone checked in at the forum: this registration has not been checked in.");
  const { code, days, edition } = issued;
  const url = (locale: string) => `${publicBaseUrl()}/${locale}/verify/${code}`;
  const [en, zh] = await Promise.all([textIn("en", edition, days, code, url("en")), textIn("zh-CN", edition, days, code, url("zh-CN"))]);
  const pdf = await renderCertificate({ fullName: reg.fullName, altName: reg.altName, en, zh, heading: `${edition.nameEn} · ${edition.nameZh}` }, fonts);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="certificate-${edition.slug}-${reg.code}.pdf"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
});
