/**
 * Checks exports against the public specs kept in ../shared/specs, for the tests: Ajv for the
 * JSON Schema (draft-06), and xmllint (Debian's libxml2-utils) for the XSD.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";

export function specPath(
  repoRoot: string,
  file: "schedule.schema.json" | "schedule.xml.xsd",
): string {
  return path.resolve(repoRoot, "../shared/specs", file);
}

/** A validator for schedule.json; returns the errors, or [] when the document is valid. */
export function scheduleJsonValidator(repoRoot: string) {
  const schema = JSON.parse(fs.readFileSync(specPath(repoRoot, "schedule.schema.json"), "utf8"));
  // The spec carries keywords of its own ("$oneOf", "$todo"): not strict, but every format checked.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
  const validate = ajv.compile(schema);
  return (document: unknown): string[] => (validate(document) ? [] : describe(validate.errors));
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  );
}

export function xmllintAvailable(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

/** Validates schedule.xml with xmllint; `ok` and what xmllint said. */
export function validateScheduleXml(
  repoRoot: string,
  xml: string,
): { ok: boolean; output: string } {
  const result = spawnSync(
    "xmllint",
    ["--schema", specPath(repoRoot, "schedule.xml.xsd"), "--noout", "-"],
    { input: xml, encoding: "utf8" },
  );
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}
