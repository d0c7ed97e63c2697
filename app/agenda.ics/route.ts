import { agendaFeedRoute, currentEdition } from "../_interchange/handlers";

// Read from the database on every request: a feed is cheap, and must show the program as it is now.
export const dynamic = "force-dynamic";

/** The current edition's public program; each edition's is at /editions/<path>/agenda.ics. */
export const GET = agendaFeedRoute(currentEdition);
