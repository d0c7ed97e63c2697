/** What the check-in endpoints answer (app/api/checkin). */
export type Outcome = "checkedIn" | "alreadyCheckedIn" | "waiting" | "cancelled" | "notForDay" | "unknown";

export type Person = { code: string; fullName: string; altName: string | null; organisation: string; category: string };

export type CheckinAnswer = {
  outcome: Outcome | "error";
  person?: Person;
  checkIn?: { id: number; at: string; by: string | null };
  /** When the answer arrived, for the undo's minute as the browser counts it. */
  receivedAt: number;
};

export type Match = Person & { status: "confirmed" | "waiting" | "cancelled" | "pending"; checkedIn: boolean };
