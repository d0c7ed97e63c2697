/**
 * Where a session's materials go in the speaker's portal (slides, recording and the consent to
 * publish each): the `materials` work fills this in, per session. Until then it shows nothing.
 */
export function SessionMaterials({ sessionId }: { sessionId: number; locale: string }) {
  return <div data-session-materials={sessionId} />;
}
