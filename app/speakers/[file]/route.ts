import { speakerFeed } from "@/db/queries/feeds";
import { slugFeed } from "@/lib/ics/slug-feed";

export const dynamic = "force-dynamic";

/** `/speakers/<slug>.ics`: the public sessions of one speaker. */
export const GET = slugFeed(speakerFeed);
