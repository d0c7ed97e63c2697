/**
 * Which message namespaces each part of the site sends to the browser. A page's HTML carries the
 * catalogue its client components are given, and the browser parses it before the page answers:
 * a public page sends only what its own islands translate. Text pages send none (their server
 * components translate everything, and the few strings a shared island needs come as props).
 * `client-messages.test.ts` checks each list against the client components of its part.
 */
export const clientNamespaces = {
  agenda: ["agenda", "types", "stars"],
  quotes: ["quotes", "speakers"],
  myAgenda: ["agenda", "myAgenda", "types", "stars", "feedback"],
  register: ["registration"],
  ticket: ["registration", "ticket", "myAgenda", "calendar", "bookings", "notFound", "feedback"],
  signIn: ["console"],
  checkin: ["checkin", "registration"],
  speaker: ["speakerPortal", "speakerMaterials"],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof clientNamespaces;

/** The catalogue cut down to the given top-level namespaces. */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  const picked: Partial<M> = {};
  for (const ns of namespaces) {
    if (ns in messages) picked[ns as keyof M] = messages[ns as keyof M];
  }
  return picked;
}
