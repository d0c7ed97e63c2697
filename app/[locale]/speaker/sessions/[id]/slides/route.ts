import { handleProposedSlidesUpload, refuse } from "../../../../../_materials/handlers";
import { requireRouteSpeaker } from "@/auth/speaker";

/**
 * POST a PDF (the body itself) as the speaker's proposed slides for one of their own sessions.
 * Whose proposal it is comes from the portal's cookie alone; the session must be theirs.
 */
export async function POST(request: Request, { params }: RouteContext<"/[locale]/speaker/sessions/[id]/slides">) {
  const speaker = await requireRouteSpeaker();
  if (speaker instanceof Response) return speaker;
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id)) return refuse("notFound");
  return handleProposedSlidesUpload(request, Number(id), speaker.speakerId);
}
