// Writes functions-zh-cn.json: the functions.json that CustomFunctionsMetadataPlugin generated from the JSDoc,
// with the Chinese description and parameter help of src/functions/catalog.ts laid over it. Ids, names,
// parameters and types come only from functions.json, so the two files cannot drift; the build fails when the
// catalog and the metadata disagree on ids or parameters, or when the metadata is missing or empty.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const ts = require("typescript");
const { Compilation, WebpackError, sources } = require("webpack");

const pluginName = "FunctionsZhCnPlugin";

/** Evaluates catalog.ts on its own: it must be pure data, so any runtime import is an error. */
function loadCatalog(file) {
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  });
  const module = { exports: {} };
  const require = (name) => {
    throw new Error(`${path.basename(file)} must be pure data, but it imports "${name}"`);
  };
  vm.runInNewContext(outputText, { module, exports: module.exports, require }, { filename: file });
  const catalog = module.exports.functionCatalog;
  if (!Array.isArray(catalog)) throw new Error(`${path.basename(file)} does not export functionCatalog`);
  return catalog;
}

/** Every way the catalog and functions.json disagree, as readable lines (empty when they agree). */
function compare(metadata, catalog) {
  const problems = [];
  const byId = new Map(catalog.map((entry) => [entry.id, entry]));
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of byId.keys()) if (!ids.has(id)) problems.push(`catalog has ${id}, functions.json does not`);
  if (byId.size !== catalog.length) problems.push("catalog lists an id twice");
  for (const fn of metadata.functions) {
    const entry = byId.get(fn.id);
    if (!entry) {
      problems.push(`functions.json has ${fn.id}, the catalog does not`);
      continue;
    }
    // custom-functions-metadata accepts a @param whose name matches no parameter and then leaves the parameter
    // undocumented; a missing description is how that mistake shows, so it fails the build here.
    if (!fn.description) problems.push(`${fn.id}: the JSDoc has no description`);
    for (const p of fn.parameters || []) {
      if (!p.description) problems.push(`${fn.id}: the JSDoc has no @param for ${p.name}`);
    }
    const meta = (fn.parameters || []).map((p) => `${p.name}${p.optional ? "?" : ""}`).join(", ");
    const cat = entry.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`).join(", ");
    if (meta !== cat) problems.push(`${fn.id}: functions.json has (${meta}), the catalog has (${cat})`);
    if (!entry.description) problems.push(`${fn.id}: the catalog has no description`);
    for (const p of entry.parameters) if (!p.help) problems.push(`${fn.id}: the catalog has no help for ${p.name}`);
  }
  return problems;
}

/** functions.json with the catalog's Chinese strings; everything else (ids, names, types) unchanged. */
function localize(metadata, catalog) {
  const byId = new Map(catalog.map((entry) => [entry.id, entry]));
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const entry = byId.get(fn.id);
      return {
        ...fn,
        description: entry.description,
        parameters: (fn.parameters || []).map((p, i) => ({ ...p, description: entry.parameters[i].help })),
      };
    }),
  };
}

class FunctionsZhCnPlugin {
  /** @param {{ catalog: string, input?: string, output?: string }} options */
  constructor(options) {
    this.catalog = path.resolve(options.catalog);
    this.input = options.input || "functions.json";
    this.output = options.output || "functions-zh-cn.json";
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          compilation.fileDependencies.add(this.catalog);
          const fail = (message) => compilation.errors.push(new WebpackError(`${pluginName}: ${message}`));
          const asset = compilation.getAsset(this.input);
          if (!asset) {
            // CustomFunctionsMetadataPlugin withholds functions.json when the JSDoc has errors; those are already
            // reported, so only say more when nothing explains the absence.
            if (compilation.errors.length === 0) fail(`${this.input} was not generated`);
            return;
          }
          let metadata;
          try {
            const text = asset.source.source().toString();
            metadata = JSON.parse(text);
          } catch {
            fail(`${this.input} is empty or not JSON: no @customfunction was found`);
            return;
          }
          if (!metadata || !Array.isArray(metadata.functions) || metadata.functions.length === 0) {
            fail(`${this.input} declares no functions`);
            return;
          }
          let catalog;
          try {
            catalog = loadCatalog(this.catalog);
          } catch (error) {
            fail(`cannot load ${path.relative(process.cwd(), this.catalog)}: ${error.message}`);
            return;
          }
          const problems = compare(metadata, catalog);
          if (problems.length > 0) {
            fail(`the catalog and ${this.input} disagree:\n  ${problems.join("\n  ")}`);
            return;
          }
          const json = JSON.stringify(localize(metadata, catalog), null, 4);
          compilation.emitAsset(this.output, new sources.RawSource(json));
        },
      );
    });
  }
}

module.exports = FunctionsZhCnPlugin;
module.exports.compare = compare;
module.exports.localize = localize;
module.exports.loadCatalog = loadCatalog;
