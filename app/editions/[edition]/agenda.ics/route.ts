import { agendaFeedRoute, namedEdition } from "../../../_interchange/handlers";

// Read from the database on every request: a feed is cheap, and must show the program as it is now.
export const dynamic = "force-dynamic";

/** One edition's public program as an iCalendar feed; an edition that does not exist is not found. */
export const GET = agendaFeedRoute(namedEdition);
