import type { MetadataRoute } from "next";
import { getEvent } from "@/db/queries/event";
import { editionValues } from "@/lib/edition";

export default function manifest(): MetadataRoute.Manifest {
  const event = getEvent();
  const forum = editionValues(event, "en");
  return {
    name: `${event.nameEn} · ${event.nameZh}`,
    // "caf2024" → "CAF 2024": the edition's slug, as short as a home screen needs.
    short_name: event.slug.toUpperCase().replace(/^([A-Z]+)(\d+)$/, "$1 $2"),
    description: `Agenda, speakers and tickets of the ${forum.name}, ${forum.dates}, ${forum.venue}.`,
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0a3a78",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
