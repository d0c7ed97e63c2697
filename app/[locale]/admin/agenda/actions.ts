"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleEdition, writableConsoleEdition } from "@/auth/edition";
import { requireActionUser } from "@/auth/guard";
import {
  createSession,
  deleteSession,
  moveSession,
  previewConflicts,
  publishSchedule,
  updateSession,
  type EditRefusal,
} from "@/db/queries/agenda-editor";
import { createRoom, createTrack, updateRoom, updateTrack } from "@/db/queries/venue";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import type { Change } from "@/lib/agenda-editor/changelog";
import type { Conflict } from "@/lib/agenda-editor/conflicts";
import {
  createSessionInput,
  fieldErrors,
  moveSessionInput,
  checkSessionInput,
  sessionFormValues,
  sessionRefInput,
  updateSessionInput,
  type FieldErrors,
} from "@/lib/agenda-editor/draft";
import { roomInput, roomUpdateInput, trackInput, trackUpdateInput } from "@/lib/agenda-editor/venue";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { formOf } from "../../action-form";

const EDITOR = "/[locale]/admin/agenda";

export type EditState = {
  ok?: boolean;
  /** The session saved and its new revision, so the editor keeps it selected and edits on from there. */
  sessionId?: number;
  revision?: number;
  errors?: FieldErrors;
  refusal?: EditRefusal;
  conflicts?: Conflict[];
  /** Bumps on every answer, so the form can tell a new answer from an old one. */
  at?: number;
};

function answer(result: Awaited<ReturnType<typeof createSession>>): EditState {
  if (!result.ok) return { refusal: result.reason, conflicts: result.conflicts, at: Date.now() };
  revalidatePath(EDITOR, "page");
  return { ok: true, sessionId: result.session.id, revision: result.session.revision, conflicts: result.conflicts, at: Date.now() };
}

/** The edit form: a new session without a sessionId, else a change to the draft of that session. */
export async function saveSessionAction(_state: EditState, form: FormData): Promise<EditState> {
  const user = await requireActionUser("agenda");
  const formData = formOf(form);
  const values = sessionFormValues(formData);
  if (values.sessionId) {
    const parsed = updateSessionInput.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), at: Date.now() };
    const { sessionId, revision, acknowledge, ...fields } = parsed.data;
    return answer(updateSession(sessionId, revision, fields, acknowledge, user.id, (await writableConsoleEdition()).id));
  }
  const parsed = createSessionInput.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), at: Date.now() };
  const { acknowledge, ...fields } = parsed.data;
  return answer(createSession(fields, acknowledge, user.id, (await writableConsoleEdition()).id));
}

/** A drag or a key press: the same checks as the form, on room and times alone. */
export async function moveSessionAction(input: unknown): Promise<EditState> {
  const user = await requireActionUser("agenda");
  const parsed = moveSessionInput.safeParse(input);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), at: Date.now() };
  const { sessionId, revision, acknowledge, ...placement } = parsed.data;
  return answer(moveSession(sessionId, revision, placement, acknowledge, user.id, (await writableConsoleEdition()).id));
}

export type CheckState = { conflicts?: Conflict[]; errors?: FieldErrors; refusal?: EditRefusal };

/** The live check while editing: what saving this state would run into. Writes nothing. */
export async function checkSessionAction(input: unknown): Promise<CheckState> {
  await requireActionUser("agenda");
  const parsed = checkSessionInput.safeParse(input);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const { sessionId, ...fields } = parsed.data;
  const result = previewConflicts(sessionId || null, fields, (await consoleEdition()).id);
  return result.ok ? { conflicts: result.conflicts } : { refusal: result.reason };
}

export async function deleteSessionAction(_state: EditState, form: FormData): Promise<EditState> {
  const user = await requireActionUser("agenda");
  const formData = formOf(form);
  const parsed = sessionRefInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), at: Date.now() };
  const result = deleteSession(parsed.data.sessionId, parsed.data.revision, user.id, (await writableConsoleEdition()).id);
  if (!result.ok) return { refusal: result.reason, at: Date.now() };
  revalidatePath(EDITOR, "page");
  return { ok: true, at: Date.now() };
}

export type PublishState = { number?: number; changes?: Change[]; notified?: number; nothing?: boolean; at?: number };

export async function publishAction(_state: PublishState): Promise<PublishState> {
  const user = await requireActionUser("agenda");
  const result = publishSchedule(user.id, (await writableConsoleEdition()).id);
  if (!result.ok) return { nothing: true, at: Date.now() };
  refreshPublicPages({ kind: "publish" });
  // The notices were queued with the version; they go out from the outbox, not in this request.
  scheduleDelivery();
  return { number: result.number, changes: result.changes, notified: result.notified.attendees + result.notified.speakers, at: Date.now() };
}

export type VenueState = { ok?: boolean; errors?: FieldErrors; notFound?: boolean; at?: number };

async function saveVenue<T extends z.ZodTypeAny, U extends z.ZodTypeAny>(
  kind: "room" | "track",
  userId: number,
  formData: FormData,
  create: T,
  update: U,
  write: {
    create: (fields: z.infer<T>, userId: number, eventId: number) => unknown;
    update: (id: number, fields: z.infer<T>, userId: number, eventId: number) => unknown;
  },
): Promise<VenueState> {
  const eventId = (await writableConsoleEdition()).id;
  const values = Object.fromEntries([...formData.entries()].filter(([key]) => !key.startsWith("$")));
  if (values.id) {
    const parsed = update.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), at: Date.now() };
    const { id, ...fields } = parsed.data as { id: number } & z.infer<T>;
    if (!write.update(id, fields as z.infer<T>, userId, eventId)) return { notFound: true, at: Date.now() };
  } else {
    const parsed = create.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), at: Date.now() };
    write.create(parsed.data, userId, eventId);
  }
  refreshPublicPages({ kind });
  return { ok: true, at: Date.now() };
}

export async function saveRoomAction(_state: VenueState, form: FormData): Promise<VenueState> {
  const user = await requireActionUser("agenda");
  const formData = formOf(form);
  return saveVenue("room", user.id, formData, roomInput, roomUpdateInput, { create: createRoom, update: updateRoom });
}

export async function saveTrackAction(_state: VenueState, form: FormData): Promise<VenueState> {
  const user = await requireActionUser("agenda");
  const formData = formOf(form);
  return saveVenue("track", user.id, formData, trackInput, trackUpdateInput, { create: createTrack, update: updateTrack });
}
