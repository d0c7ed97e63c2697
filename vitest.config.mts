import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // What Next resolves under its react-server condition: lets the query layer run in tests.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "server/**/*.test.ts", "components/**/*.test.tsx", "i18n/**/*.test.ts"],
    environment: "node",
    // A focused test (`.only`) would leave the rest of the suite unrun: refused, in CI or not.
    allowOnly: false,
  },
});
