/**
 * The outbox's log lines: the email's id (which the console and the database resolve), its kind and
 * what happened, never the address or the body. A mail server's error may quote the address: any
 * address in it is blanked.
 */
const ADDRESS = /[^\s<>"'(),;:=@]+@[^\s<>"'(),;:@]+/g;

export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, "<address>");
}

export function outboxLogLine(email: { id: number; kind: string }, what: string): string {
  return withoutAddresses(`[mail] id=${email.id} kind=${email.kind} ${what}`);
}
