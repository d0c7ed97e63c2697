// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // server.mjs negotiates and compresses every response itself (server/compression.mjs).
  compress: false,
  // forbidden() and unauthorized(): console pages and actions answer 403 and 401.
  experimental: { authInterrupts: true },
  // pdf.js loads its worker and @napi-rs/canvas (a native module) at run time, beside itself.
  serverExternalPackages: ["better-sqlite3", "pdfjs-dist", "@napi-rs/canvas"],
  // Next's page cache with the record of revalidations shared by every server process (the
  // server runs one per core): a change saved through one is seen by all.
  cacheHandler: require.resolve("./server/next-cache-handler.mjs"),
  // Each build writes to its own folder so that the test build never overwrites the one being served.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    // A browser must look for a new service worker on every visit.
    return [{ source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] }];
  },
};

module.exports = withNextIntl(nextConfig);
