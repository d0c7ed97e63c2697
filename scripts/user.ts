/**
 * `npm run user:create -- --email E --role admin|organizer|staff [--name N]`: creates a console
 * user and prints a one-time password, which they replace when they first sign in.
 * `--password-env VAR` takes the password from an environment variable instead (scripted set-ups).
 */
import { parseArgs } from "node:util";
import { closeDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { getDb } from "../db/client";
import { createUser } from "../db/queries/users";
import { userRoles, type UserRole } from "../lib/auth/roles";
import { generatePassword, passwordProblem } from "../lib/auth/password";

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string", default: "" },
      "password-env": { type: "string" },
    },
  });
  const usage = "Usage: npm run user:create -- --email someone@example.org --role admin|organizer|staff [--name Name]";
  if (positionals[0] !== "create" || !values.email || !values.role) throw new Error(usage);
  if (!(userRoles as readonly string[]).includes(values.role)) throw new Error(`Unknown role "${values.role}". ${usage}`);
  if (!/^[^\s@]+@[^\s@]+$/.test(values.email)) throw new Error(`"${values.email}" is not an email address.`);
  const fromEnv = values["password-env"];
  const password = fromEnv ? process.env[fromEnv] : generatePassword();
  if (!password) throw new Error(`The environment variable ${fromEnv} is empty.`);
  const problem = passwordProblem(password, values.email);
  if (problem) throw new Error(`That password is refused (${problem}).`);
  applyMigrations(getDb());
  const result = await createUser(
    { email: values.email, name: values.name, role: values.role as UserRole, password, mustChangePassword: !fromEnv },
    "system",
  );
  if (!result.ok) throw new Error(`A user with the email ${values.email} already exists.`);
  console.log(`Created ${result.user.role} ${result.user.email}.`);
  if (!fromEnv) console.log(`One-time password (shown once; they choose their own at first sign-in): ${password}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
