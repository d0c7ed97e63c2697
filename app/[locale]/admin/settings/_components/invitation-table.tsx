import { getTranslations } from "next-intl/server";
import type { InvitationRow } from "@/db/queries/invitations";
import { revokeInvitationAction } from "../actions";
import { TableScroll } from "@/components/ui/table-scroll";

/** Every invitation code with its uses; an active one can be revoked. */
export async function InvitationTable({ rows }: { rows: InvitationRow[] }) {
  const t = await getTranslations("settingsAdmin");
  if (rows.length === 0) return <p className="mt-3 text-slate-700">{t("noInvitations")}</p>;
  return (
    <TableScroll className="mt-3">
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{t("invitationsHeading")}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-3">{t("invitationCode")}</th>
          <th scope="col" className="py-2 pr-3">{t("invitationFor")}</th>
          <th scope="col" className="py-2 pr-3">{t("invitationUsed")}</th>
          <th scope="col" className="py-2 pr-3">{t("invitationState")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-slate-200">
            <td className="py-2 pr-3 font-mono">{row.code}</td>
            <td className="py-2 pr-3">{row.label}</td>
            <td className="py-2 pr-3">{row.used} / {row.maxUses}</td>
            <td className="py-2 pr-3">
              {row.revokedAt ? (
                t("invitationRevoked")
              ) : (
                <form action={revokeInvitationAction} className="flex items-center gap-3">
                  <span>{t("invitationActive")}</span>
                  <input type="hidden" name="id" value={row.id} />
                  <button type="submit" className="rounded-md border border-red-700 px-2 py-1 font-medium text-red-800">
                    {t("revokeInvitation", { code: row.code })}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
