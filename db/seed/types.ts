import type { SessionType, SpeakerRole } from "../../lib/sessions/kinds";

/** A person of the illustrative program: a role, never a real person. */
export type SeedPerson = {
  slug: string;
  nameEn: string;
  nameZh: string;
  bioEn: string;
  bioZh: string;
};

/** A room of the illustrative program. */
export type SeedRoom = {
  slug: string;
  nameEn: string;
  nameZh: string;
  capacity: number;
};

/** A track of the illustrative program; colour is #rrggbb with AA contrast against white text. */
export type SeedTrack = {
  slug: string;
  nameEn: string;
  nameZh: string;
  color: string;
};

/** A session of the illustrative program; times are forum time (Asia/Shanghai, UTC+8). */
export type SeedSession = {
  slug: string;
  type: SessionType;
  /** "2024-07-11" */
  day: string;
  /** "09:30", forum time */
  start: string;
  /** "10:15", forum time */
  end: string;
  room: string;
  track: string;
  titleEn: string;
  titleZh: string;
  abstractEn: string;
  abstractZh: string;
  seatLimit?: number;
  /** Default "published"; a draft is seeded to show that drafts stay out of public view. */
  status?: "published" | "cancelled" | "draft";
  speakers?: { speaker: string; role: SpeakerRole }[];
};
