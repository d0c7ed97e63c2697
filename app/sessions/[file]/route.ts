import { sessionFeed } from "@/db/queries/feeds";
import { slugFeed } from "@/lib/ics/slug-feed";

export const dynamic = "force-dynamic";

/** `/sessions/<slug>.ics`: one public session; anything else under /sessions is not found. */
export const GET = slugFeed(sessionFeed);
