/**
 * How self-registration gives seats: `open` confirms at once, `confirm` holds a seat until the
 * person opens the link in the email, `approval` waits for an organizer.
 */
export const registrationModes = ["open", "confirm", "approval"] as const;
export type RegistrationMode = (typeof registrationModes)[number];

/** What a pending registration waits for. */
export const pendingReasons = ["email", "approval"] as const;
export type PendingReason = (typeof pendingReasons)[number];

export const DEFAULT_HOLD_MINUTES = 30;
export const MAX_HOLD_MINUTES = 7 * 24 * 60;

export function isRegistrationMode(value: unknown): value is RegistrationMode {
  return typeof value === "string" && (registrationModes as readonly string[]).includes(value);
}

/** The console's choice (events.registration_mode) wins; until one is made, REGISTRATION_MODE, else `confirm`. */
export function effectiveMode(stored: string | null | undefined, env = process.env.REGISTRATION_MODE): RegistrationMode {
  if (isRegistrationMode(stored)) return stored;
  const fromEnv = env?.trim().toLowerCase();
  return isRegistrationMode(fromEnv) ? fromEnv : "confirm";
}

export function holdMinutes(stored: number | null | undefined): number {
  return typeof stored === "number" && Number.isInteger(stored) && stored > 0 && stored <= MAX_HOLD_MINUTES ? stored : DEFAULT_HOLD_MINUTES;
}

/**
 * What a new self-registration becomes. An invitation code stands for an organizer's approval
 * given in advance, so in `approval` mode it only asks the person to confirm their address.
 */
export function admissionFor(mode: RegistrationMode, invited: boolean): "immediate" | PendingReason {
  if (mode === "open") return "immediate";
  if (mode === "approval" && !invited) return "approval";
  return "email";
}

/** Whether an unconfirmed registration's time is up. */
export function holdExpired(pendingUntil: Date | null | undefined, now: Date | number): boolean {
  const t = typeof now === "number" ? now : now.getTime();
  return pendingUntil != null && pendingUntil.getTime() <= t;
}
