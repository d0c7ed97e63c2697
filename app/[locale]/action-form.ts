import "server-only";
import { notFound } from "next/navigation";

/**
 * The form a Server Action was sent. Our pages always send a FormData; anything else (a string, a
 * list of pairs, nothing, or a no-JavaScript post naming the action alone, which passes the form
 * where the previous state goes) was made by hand, and is answered 404 before it is read: a
 * Server Action has no way to answer 400, and 404 says that no action takes these arguments.
 */
export function formOf(value: unknown): FormData {
  if (!(value instanceof FormData)) notFound();
  return value;
}
