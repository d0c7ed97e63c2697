/**
 * Validates JSON against the schemas of lib/api/openapi.ts, for the tests: strict Ajv for JSON
 * Schema 2020-12, the dialect of OpenAPI 3.1.
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020";

type Json = Record<string, unknown>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

export type Operation = { path: string; method: string; statuses: string[] };

export function openApiValidator(document: Json) {
  // strictRequired is off: `then: { required: ["position"] }` names a property declared beside it.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  ajv.addFormat("date-time", {
    validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
  });
  // The document is registered whole, so that "#/components/schemas/…" resolves inside it; the
  // keywords OpenAPI adds around the schemas are known to Ajv as annotations only.
  for (const keyword of ["openapi", "info", "servers", "paths", "components"])
    ajv.addKeyword(keyword);
  const id = "openapi.json";
  ajv.addSchema(document, id);

  const at = (pointer: string[]) =>
    pointer.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

  function compile(pointer: string[]) {
    const validate = ajv.getSchema(`${id}#/${at(pointer)}`);
    if (!validate) throw new Error(`No schema at ${pointer.join(" > ")}`);
    return validate;
  }

  const paths = document.paths as Record<string, Record<string, Json>>;

  return {
    /** Every operation and its documented status codes. */
    operations(): Operation[] {
      return Object.entries(paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
          .map(([method, operation]) => ({
            path,
            method,
            statuses: Object.keys(operation.responses as Json),
          })),
      );
    },
    /** Errors of `body` against the documented answer of an operation for a status, or [] when valid. */
    response(path: string, method: string, status: number, body: unknown): string[] {
      const operation = paths[path]?.[method];
      const response = (operation?.responses as Record<string, Json> | undefined)?.[String(status)];
      if (!response) return [`${method.toUpperCase()} ${path} documents no ${status} answer`];
      const validate = compile([
        "paths",
        path,
        method,
        "responses",
        String(status),
        "content",
        "application/json",
        "schema",
      ]);
      return validate(body) ? [] : describe(validate.errors);
    },
    /** Errors of `body` against a component schema, or []. */
    schema(name: string, body: unknown): string[] {
      const validate = compile(["components", "schemas", name]);
      return validate(body) ? [] : describe(validate.errors);
    },
  };
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  );
}
