// webpack loader for src/policy/validation/compileSchema.ts in the browser bundles: emits ajv's standalone
// validation code for schema/edition.schema.json, compiled here at build time, so the pane never needs the
// eval that ajv compiles with at run time (the pane's Content-Security-Policy forbids it) nor ajv's compiler.
const path = require("path");
const Ajv = require("ajv").default;
const standaloneCode = require("ajv/dist/standalone").default;

module.exports = function ajvStandaloneLoader() {
  const schemaPath = path.resolve(__dirname, "../schema/edition.schema.json");
  this.addDependency(schemaPath);
  delete require.cache[schemaPath];
  const schema = require(schemaPath);
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true } });
  ajv.addSchema(schema, "edition");
  return standaloneCode(ajv, { validateSchema: "edition" });
};
