/**
 * The structural check of schema/edition.schema.json, compiled by ajv. In Node (CLI, tests) ajv compiles it at
 * first use; the browser build replaces this module with ajv's standalone code generated at build time
 * (scripts/ajv-standalone-loader.js), because the pane's Content-Security-Policy forbids the eval ajv compiles with.
 */
import Ajv, { type ValidateFunction } from "ajv";
import schema from "../../../schema/edition.schema.json";

let compiled: ValidateFunction | undefined;

export function validateSchema(json: unknown): ReturnType<ValidateFunction> {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(schema);
  const ok = compiled(json);
  validateSchema.errors = compiled.errors;
  return ok;
}
validateSchema.errors = undefined as ValidateFunction["errors"];
