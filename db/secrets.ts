import "server-only";

// Pages, actions and route handlers read secrets through here; instrumentation.ts, which Next
// does not bundle for the server-only condition, reads secret-files.ts directly.
export { secret } from "./secret-files";
