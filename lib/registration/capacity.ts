/** Seats for the whole forum; FORUM_CAPACITY sets it until the organizer console does. */
export function forumCapacity(): number {
  const value = Number(process.env.FORUM_CAPACITY ?? 250);
  return Number.isInteger(value) && value >= 0 ? value : 250;
}
