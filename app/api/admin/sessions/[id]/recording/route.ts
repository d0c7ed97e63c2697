import { handleVideoUpload, refuse } from "../../../../../_materials/handlers";
import { actorOf, requireRouteUser } from "@/auth/guard";
import { writableConsoleEdition } from "@/auth/edition";

/** POST the session's recording as a video file (MP4 or WebM, the body itself), for a session of the edition the console works on. */
export async function POST(
  request: Request,
  { params }: RouteContext<"/api/admin/sessions/[id]/recording">,
) {
  const user = await requireRouteUser("agenda");
  if (user instanceof Response) return user;
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id)) return refuse("notFound");
  const edition = await writableConsoleEdition();
  return handleVideoUpload(request, Number(id), actorOf(user), edition.id);
}
