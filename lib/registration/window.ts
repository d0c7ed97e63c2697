/** Whether registration is open at an instant; a missing bound leaves that side open. */
export type WindowState = "open" | "notYetOpen" | "closed";

export function registrationWindowState(
  now: Date | number,
  opensAt: Date | null | undefined,
  closesAt: Date | null | undefined,
): WindowState {
  const t = typeof now === "number" ? now : now.getTime();
  if (opensAt && t < opensAt.getTime()) return "notYetOpen";
  // The closing instant itself is already closed: "closes at 18:00" takes nothing at 18:00.
  if (closesAt && t >= closesAt.getTime()) return "closed";
  return "open";
}
