import { changesData, sameOriginHeaders } from "@/server/same-origin.mjs";
import { trustedHops } from "@/server/trust-proxy.mjs";

export { changesData };

/**
 * Whether a request comes from our own pages, or from a client that is not a browser. The rule
 * itself is server/same-origin.mjs, the one copy: plain ESM with JSDoc types, because server.mjs
 * (run by node, which cannot load .ts) applies it to Server Actions before Next does; TypeScript
 * reads its JSDoc types (allowJs). Route handlers get it through `guarded`, or call this.
 */
export function sameOrigin(request: Request, hops = trustedHops()): boolean {
  return sameOriginHeaders((name) => request.headers.get(name), hops);
}
