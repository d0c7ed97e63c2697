import { changesData, sameOriginHeaders } from "@/server/same-origin.mjs";
import { trustedHops } from "@/server/trust-proxy.mjs";

export { changesData };

/** Whether a request comes from our own pages, or from a client that is not a browser (see server/same-origin.mjs). */
export function sameOrigin(request: Request, hops = trustedHops()): boolean {
  return sameOriginHeaders((name) => request.headers.get(name), hops);
}
