// `npm run bench [-- SECTION …]`: compiles the bench with the CLI's own esbuild options (scripts/buildCli.cjs) and
// runs it in node, so the product's code is measured as the CLI a user runs ships it. Through tsx it was not:
// tsx compiles with esbuild's keepNames, which names every closure as it is created (a defineProperty call each),
// and a refresh creates tens of thousands — a cost no user pays that made the product's side of every ratio slower.
// npm packages (ExcelJS, the baselines) stay in node_modules, required at run time as the CLI requires its own.
"use strict";
const { readFileSync } = require("node:fs");
const path = require("node:path");
const { common } = require("../scripts/buildCli.cjs");

const root = path.resolve(__dirname, "..");
// Beside the sources (git ignores .cache/), so that each checkout runs its own code and finds node_modules.
const outfile = path.join(root, ".cache", "bench", "bench.cjs");

/** Each source file's `__dirname` as its own folder (a bundle would give every file the bundle's). */
const ownDirname = {
  name: "own-dirname",
  setup(build) {
    // The project's own files only (scripts/buildCli.cjs finds package.json by it); packages stay external.
    build.onLoad({ filter: /\.(ts|cjs)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("__dirname")) return undefined;
      const contents = text.replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)));
      return { contents, loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

require("esbuild")
  .build({
    ...common,
    entryPoints: [path.join(__dirname, "index.ts")],
    outfile,
    write: true,
    metafile: false,
    sourcemap: "inline",
    plugins: [ownDirname],
  })
  .then(() => require(outfile))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
