import { problem } from "./respond";
import { changesData, sameOrigin } from "./same-origin";

/**
 * Wraps a route handler: a request that changes data from another site's page is refused with 403
 * before the handler runs, and a failure still answers in JSON, without its details: 503 when the
 * database stayed locked past its busy timeout (worth retrying), 500 otherwise.
 */
export function guarded<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const [request] = args;
    if (request instanceof Request && changesData(request.method) && !sameOrigin(request)) {
      return problem(403, "This request came from another site's page and was refused. Nothing was changed.");
    }
    try {
      return await handler(...args);
    } catch (error) {
      console.error("API request failed:", error);
      const code = (error as { code?: unknown } | null)?.code;
      if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
        return problem(503, "The server is busy: try again shortly.", {}, { "retry-after": "1" });
      }
      return problem(
        500,
        "The request failed on the server. Nothing about it is known to be saved.",
      );
    }
  };
}
