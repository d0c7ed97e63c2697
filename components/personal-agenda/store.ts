/**
 * The stars in this browser (localStorage, shared by every star button and open tab) and, once the
 * person has opened their manage link here, the manage token that ties them to the registration:
 * then every change is written through to the server and the browser's list is its cache.
 */
import { useEffect, useSyncExternalStore } from "react";
import { parseStars, parseToken, STARS_KEY, TOKEN_KEY, withStar, type MeData } from "@/lib/personal-agenda/stars";
import { addStars, deleteStar, fetchMe, putStar } from "./api";

export type StarsSnapshot = { stars: readonly string[]; token: string | null };

// Where localStorage refuses to store (blocked, full), the stars last as long as the page.
const memory = new Map<string, string>();

function read(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
    memory.delete(key);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
}

let cached: { stars: string | null; token: string | null; snapshot: StarsSnapshot } | undefined;

function getSnapshot(): StarsSnapshot {
  const stars = read(STARS_KEY);
  const token = read(TOKEN_KEY);
  if (!cached || cached.stars !== stars || cached.token !== token) {
    cached = { stars, token, snapshot: { stars: parseStars(stars), token: parseToken(token) } };
  }
  return cached.snapshot;
}

// The HTML rendered ahead knows no one's stars.
const getServerSnapshot = () => null;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
const onStorage = (event: StorageEvent) => {
  if (event.key === null || event.key === STARS_KEY || event.key === TOKEN_KEY) notify();
};

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
}

function setStars(stars: readonly string[]) {
  write(STARS_KEY, JSON.stringify(stars));
  notify();
}

let synced: { token: string; promise: Promise<MeData | null> } | undefined;

function setToken(token: string | null) {
  write(TOKEN_KEY, token);
  synced = undefined;
  notify();
}

// Counts the person's own changes, so that a server answer that left before one never undoes it.
let edits = 0;

/** A registration that is gone (erased) leaves its stars in this browser, as before registering. */
function forget(token: string, status: number) {
  if (status === 404 && getSnapshot().token === token) setToken(null);
}

/**
 * Takes the registration's stars into this browser, once per page unless `fresh`; resolves to the
 * stars and bookings, or null without a token or an answer.
 */
export function syncFromServer(fresh = false): Promise<MeData | null> {
  const { token } = getSnapshot();
  if (!token) return Promise.resolve(null);
  if (!fresh && synced?.token === token) return synced.promise;
  const before = edits;
  const promise = fetchMe(token).then((result) => {
    if (getSnapshot().token !== token) return null;
    if (result.ok) {
      if (edits === before) setStars(result.data.stars);
      return result.data;
    }
    forget(token, result.status);
    if (synced?.promise === promise) synced = undefined;
    return null;
  });
  synced = { token, promise };
  return promise;
}

export async function toggleStar(slug: string, on: boolean): Promise<void> {
  edits++;
  setStars(withStar(getSnapshot().stars, slug, on));
  const { token } = getSnapshot();
  if (!token) return;
  const result = await (on ? putStar : deleteStar)(token, slug);
  if (result.ok || getSnapshot().token !== token) return;
  if (result.status === 404) return forget(token, result.status);
  // Not saved: the button goes back to what the registration holds.
  setStars(withStar(getSnapshot().stars, slug, !on));
}

/**
 * On the manage page: from now on this browser's stars follow the registration. Stars made here
 * before registering are carried over (those of sessions still on the agenda, `known`); a browser
 * that already followed a registration takes this one's stars as they are.
 */
export async function adoptToken(token: string, known: readonly string[]): Promise<MeData | null> {
  const { stars, token: current } = getSnapshot();
  const before = edits;
  const carried = current === null ? stars.filter((s) => known.includes(s)) : [];
  let result = carried.length > 0 ? await addStars(token, carried) : await fetchMe(token);
  // A session taken off the agenda since this page was rendered: keep the registration's stars.
  if (!result.ok && result.status === 400) result = await fetchMe(token);
  if (!result.ok) return null;
  if (getSnapshot().token !== token) setToken(token);
  if (edits === before) setStars(result.data.stars);
  return result.data;
}

/** This browser's stars and token; null while the page is still the HTML rendered ahead. */
export function usePersonalAgenda(): StarsSnapshot | null {
  const snapshot = useSyncExternalStore<StarsSnapshot | null>(subscribe, getSnapshot, getServerSnapshot);
  const token = snapshot?.token;
  useEffect(() => {
    if (token) void syncFromServer();
  }, [token]);
  return snapshot;
}
