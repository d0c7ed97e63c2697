import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { secret } from "@/db/secrets";
import { endConsoleSession, startConsoleSession } from "@/db/queries/console-sessions";
import { authenticate } from "@/db/queries/users";
import { clientAddress, trustedHops } from "@/lib/http/client-address";
import { minutesLeft } from "@/lib/auth/throttle";

/** The credentials were wrong (or the user is disabled): one message for all, so as not to hint. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

/** Too many hashes running in this process: try again in a moment. */
export class SignInBusy extends CredentialsSignin {
  override code = "busy";
}

/** Too many attempts for this email from this address, or from this address: `locked-<minutes>`. */
export class SignInLocked extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `locked-${minutes}`;
  }
}

const credentials = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1000),
});

/** How long a console sign-in lasts: the session row and the cookie both end then. */
const SESSION_HOURS = 12;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // Read on first use, not at import: `next build` must not create the secret file.
  secret: process.env.AUTH_SECRET || secret("AUTH_SECRET").toString(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/en/sign-in", error: "/en/sign-in" },
  logger: {
    // A wrong password is an answer, not a fault: the sign-in form says so; the log stays for real errors.
    error(error: Error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const address = clientAddress(request.headers, trustedHops());
        const result = await authenticate(parsed.data.email, parsed.data.password, address);
        if (!result.ok) {
          if (result.reason === "locked") throw new SignInLocked(minutesLeft(result.retryAfterMs));
          if (result.reason === "busy") throw new SignInBusy();
          throw new InvalidCredentials();
        }
        const { user } = result;
        const sid = startConsoleSession(user.id, SESSION_HOURS);
        return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion, sid };
      },
    }),
  ],
  events: {
    // Signing out (the console's button, or POST /api/auth/signout) ends the session on the
    // server: the cookie stops working even where a copy of it was kept.
    signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") endConsoleSession(sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
    },
  },
}));
