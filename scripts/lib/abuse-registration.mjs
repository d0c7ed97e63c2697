// @ts-check
// Two probes of self-registration that the per-target cases cannot express, run after the data
// checksum (they register people on purpose):
// - a duplicate: registering a known address (written another way) must get exactly the answer a
//   new address gets, tell nothing of the registration, save nothing, and email the address on file;
// - a flood from one client address: the 21st registration within the hour is refused with 429 and
//   saves nothing, and so is the 21st from other addresses of one IPv6 /64.
import Database from "better-sqlite3";
import { fetchOnce } from "./http-client.mjs";

const LIMIT = 20;

/** @param {{ url: string, db: string, attendee: { code: string, manageToken: string, email: string } }} ctx */
export async function registrationProbes({ url, db, attendee }) {
  /** @type {{ name: string, ok: boolean, why: string }[]} */
  const results = [];
  /** @param {string} name @param {unknown} ok @param {string} why */
  const check = (name, ok, why) => results.push({ name, ok: Boolean(ok), why });
  let n = 0;
  /** @param {string} [email] */
  const body = (email) => ({
    fullName: "Probe Person",
    email: email ?? `probe-${process.pid}-${(n += 1)}@abuse.test`,
    organisation: "Probe Ltd",
    jobTitle: "Tester",
    category: "industry",
    days: ["2024-07-11"],
    consent: true,
  });
  /** @param {unknown} data @param {string} address */
  const post = async (data, address) => {
    const response = await fetchOnce(`${url}/api/v1/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify(data),
    });
    const text = await response.text();
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !["date", "content-length"].includes(name)));
    return { status: response.status, text, headers };
  };

  const sqlite = new Database(db);
  try {
    const count = () => /** @type {{ n: number }} */ (sqlite.prepare("select count(*) as n from registrations").get()).n;
    // The forum as a fresh database has it: confirm mode (the run's server starts in open mode so
    // that its attendee gets a manage token at once).
    sqlite.prepare("update events set registration_mode = 'confirm'").run();

    // The duplicate.
    const fresh = await post(body(), "10.9.3.1");
    const before = count();
    const outboxBefore = /** @type {{ m: number }} */ (sqlite.prepare("select coalesce(max(id), 0) as m from outbox").get()).m;
    const written = `  ${attendee.email.toUpperCase()} `;
    const duplicate = await post(body(written), "10.9.3.2");
    check(
      "a registered address gets the answer of a new one (status, headers, body)",
      fresh.status === 202 && duplicate.status === fresh.status && duplicate.text === fresh.text && JSON.stringify(duplicate.headers) === JSON.stringify(fresh.headers),
      `new: ${fresh.status} ${fresh.text.slice(0, 160)} / registered: ${duplicate.status} ${duplicate.text.slice(0, 160)}`,
    );
    check(
      "the answer to a registered address names neither its code, token nor status",
      !duplicate.text.includes(attendee.code) && !duplicate.text.includes(attendee.manageToken) && !/"(confirmed|waiting|cancelled)"/.test(duplicate.text),
      duplicate.text.slice(0, 200),
    );
    check("registering a known address saves no registration", count() === before, `${count() - before} registrations added`);
    const mail = /** @type {{ to: string, kind: string }[]} */ (sqlite.prepare("select \"to\", kind from outbox where id > ?").all(outboxBefore));
    check(
      "its email goes to the address on file, not to the address as typed",
      mail.length === 1 && mail[0]?.to === attendee.email && mail[0]?.kind === "manage-link",
      JSON.stringify(mail),
    );

    // The flood from one address, then from one IPv6 /64.
    for (const [label, address] of /** @type {const} */ ([
      ["one IPv4 address", (/** @type {number} */ _i) => "10.9.4.1"],
      ["addresses of one IPv6 /64", (/** @type {number} */ i) => `2001:db8:4:1:${(i + 1).toString(16)}::${i + 7}`],
    ])) {
      const start = count();
      const answers = [];
      for (let i = 0; i <= LIMIT; i++) answers.push(await post(body(), address(i)));
      const accepted = answers.slice(0, LIMIT).filter((a) => a.status === 202).length;
      const last = answers[LIMIT];
      check(`the first ${LIMIT} registrations from ${label} within the hour are accepted`, accepted === LIMIT, `${accepted} of ${LIMIT} answered 202`);
      check(
        `the ${LIMIT + 1}st from ${label} is refused with 429, a clear message and Retry-After`,
        last?.status === 429 && /at most 20 an hour/.test(last.text) && Number(last.headers["retry-after"]) > 0,
        `${last?.status} ${last?.text.slice(0, 200)}`,
      );
      check(`the refused one from ${label} saves nothing`, count() - start === LIMIT, `${count() - start} registrations saved for ${LIMIT + 1} attempts`);
    }
    const stored = /** @type {{ k: string }[]} */ (sqlite.prepare("select address_key as k from registration_attempts").all());
    check(
      "the attempts table holds no client address",
      stored.every((row) => !row.k.includes("10.9.") && !row.k.includes("2001")),
      stored.slice(0, 3).map((row) => row.k).join(", "),
    );
  } finally {
    sqlite.close();
  }
  return results;
}
