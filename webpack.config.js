// One build for the add-in: the task pane (React + Fluent UI) and the custom functions (engine only) share a
// runtime in Office, but are separate bundles so the formula runtime stays small and loads on its own. The page's
// first script (boot) and the legacy pane for Internet Explorer 11 / EdgeHTML webviews are compiled to ECMAScript 5
// in their own webpack layer ("es5"), which also transpiles what they import from node_modules.
//
// OFFICE_JS=local: office.js and the files it loads are copied from @microsoft/office-js into dist/office-js/ and the
// page loads them from its own origin (an intranet without internet access); the CSP then allows scripts from
// 'self' only.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const FunctionsZhCnPlugin = require("./scripts/functions-zh-cn-plugin");

const devUrl = "https://localhost:3000/";
// The origin the production build is served from; manifest.xml in dist/ is rewritten to it. There is no default:
// a manifest pointing at a placeholder would install an add-in that loads nothing, so the build refuses instead.
const prodUrl = (process.env.ADDIN_PROD_URL ?? "").replace(/\/?$/, "/");

const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const officeJsLocal = process.env.OFFICE_JS === "local";
/** Where the page loads office.js from: Office's CDN, or (OFFICE_JS=local) the copy beside the page. */
const officeJsSrc = officeJsLocal ? "office-js/office.js" : `${OFFICE_CDN}/lib/1/hosted/office.js`;
const officeJsDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * The files of @microsoft/office-js that office.js loads for Excel: the host scripts of every platform and version
 * (excel-win32-16.01.js, excel-web-16.00.js …), every locale's office_strings.js, its telemetry helpers and the
 * custom-functions runtime. Debug builds, Visual Studio docs and other hosts' scripts stay out (≈ 13 MB copied).
 */
const officeJsFiles = [
  "office.js",
  "o15apptofilemappingtable.js",
  "es6-promise.js",
  "custom-functions-runtime.js",
  "excel*.js",
  "*/office_strings.js",
  "telemetry/*.js",
  "ariatelemetry/*.js",
];

/** TypeScript for the es5 layer: ES5 output, iteration of Map/Set/strings through Symbol.iterator (polyfilled). */
const es5TypeScript = {
  loader: "ts-loader",
  options: {
    transpileOnly: true,
    instance: "es5",
    compilerOptions: { noEmit: false, target: "es5", downlevelIteration: true, allowJs: true, importHelpers: false },
  },
};

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (!dev && !/^https:\/\/[^/\s]+/.test(process.env.ADDIN_PROD_URL ?? ""))
    throw new Error(
      "ADDIN_PROD_URL is not set (or not an https:// origin): a production build writes it into dist/manifest.xml. " +
        "Run e.g. `ADDIN_PROD_URL=https://addin.example.gov.cn/ npm run build`; for a local check build, " +
        "ADDIN_PROD_URL=https://localhost:3000/. / 未设置 ADDIN_PROD_URL(或不是 https:// 地址):生产构建须写入清单的正式地址。",
    );
  // ZC_ONLY_FUNCTIONS=1 builds the custom functions alone (tests of src/functions while the pane is elsewhere).
  const onlyFunctions = process.env.ZC_ONLY_FUNCTIONS === "1";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // ---- custom functions (owned by src/functions) ----
      functions: "./src/functions/functions.ts",
      // ---- task pane (owned by src/taskpane) ----
      ...(onlyFunctions
        ? {}
        : {
            taskpane: "./src/taskpane/index.tsx",
            // The page's first script and the pane for old webviews: ECMAScript 5 (the es5 layer).
            boot: { import: "./src/taskpane/boot/boot.ts", layer: "es5" },
            legacy: { import: "./src/taskpane/legacy/index.ts", layer: "es5" },
          }),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // webpack's own runtime code in every bundle stays ES5 (the es5 layer's bundles share it), and so does what
      // the minifier writes: it targets the highest ECMAScript these flags allow (with dynamicImportInWorker left on,
      // ES2020 — terser then turns unused object properties into `...void x` spreads).
      environment: Object.fromEntries(
        [
          "arrowFunction",
          "asyncFunction",
          "bigIntLiteral",
          "const",
          "destructuring",
          "dynamicImport",
          "dynamicImportInWorker",
          "forOf",
          "generator",
          "globalThis",
          "let",
          "logicalAssignment",
          "methodShorthand",
          "module",
          "optionalChaining",
          "spread",
          "symbol",
          "templateLiteral",
        ].map((feature) => [feature, false]),
      ),
    },
    experiments: { layers: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          // ---- the es5 layer: boot and legacy, and everything they import ----
          issuerLayer: "es5",
          oneOf: [
            {
              test: /src[\\/]policy[\\/]validation[\\/]compileSchema\.ts$/,
              use: [es5TypeScript, "./scripts/ajv-standalone-loader.js"],
            },
            { test: /\.tsx?$/, exclude: /node_modules/, use: es5TypeScript },
            // core-js is ES5 already; other packages are compiled down like our code.
            {
              test: /\.[cm]?js$/,
              include: /node_modules/,
              exclude: /node_modules[\\/]core-js[\\/]/,
              use: es5TypeScript,
            },
          ],
        },
        {
          issuerLayer: { not: "es5" },
          oneOf: [
            // The edition schema's validator, compiled at build time (see scripts/ajv-standalone-loader.js).
            { test: /src[\\/]policy[\\/]validation[\\/]compileSchema\.ts$/, use: "./scripts/ajv-standalone-loader.js" },
            {
              test: /\.tsx?$/,
              exclude: /node_modules/,
              use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
            },
          ],
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new FunctionsZhCnPlugin({ catalog: "./src/functions/catalog.ts", output: "functions-zh-cn.json" }),
      ...(onlyFunctions
        ? []
        : [
            new HtmlWebpackPlugin({
              filename: "taskpane.html",
              template: "./src/taskpane/taskpane.html",
              // The page names office.js and boot.js itself; boot.js loads the build (the shared runtime: one page
              // hosts both the pane and the functions; old webviews get legacy.js).
              inject: false,
              officeJs: officeJsSrc,
              // The page's Content-Security-Policy (see contentSecurityPolicy below).
              csp: contentSecurityPolicy(dev, devPort, officeJsLocal),
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          ...(officeJsLocal ? officeJsFiles.map((from) => ({ from, context: officeJsDist, to: "office-js/" })) : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(devUrl, prodUrl)),
          },
        ],
      }),
    ],
    // ---- dev server (owned by src/taskpane; `npm start` runs scripts/start.mjs, which prepares the certificates) ----
    devServer: {
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: devPort,
      // Office only loads add-ins over https; the certificates are office-addin-dev-certs' (see devHttpsOptions).
      server: { type: "https", options: env && env.WEBPACK_SERVE ? await devHttpsOptions() : undefined },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

// ---- task pane: Content-Security-Policy and dev-server certificates (owned by src/taskpane) ----
const devPort = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * The pane's CSP (a <meta> in taskpane.html): scripts from this origin and Office's CDN only — from this origin
 * alone with OFFICE_JS=local —, no eval (production is built with devtool: false; development uses plain source
 * maps), styles inline for Fluent UI's griffel, which injects its CSS at run time. Development adds the dev
 * server's live-reload websocket.
 */
function contentSecurityPolicy(dev, port, local) {
  const officeCdn = local ? [] : [OFFICE_CDN];
  const connect = ["'self'", ...officeCdn, ...(dev ? [`wss://localhost:${port}`] : [])];
  return [
    "default-src 'self'",
    ["script-src 'self'", ...officeCdn].join(" "),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...officeCdn].join(" "),
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * https options for `webpack serve`: the localhost certificate office-addin-dev-certs keeps in
 * ~/.office-addin-dev-certs. scripts/start.mjs installs its CA where it can; when the files are missing (a bare
 * `webpack serve`), they are generated here without installing anything.
 */
async function devHttpsOptions() {
  const fs = require("fs");
  const devCerts = require("office-addin-dev-certs");
  const paths = require("office-addin-dev-certs/lib/defaults");
  const present = [paths.caCertificatePath, paths.localhostCertificatePath, paths.localhostKeyPath].every((f) =>
    fs.existsSync(f),
  );
  if (!present) await devCerts.generateCertificates();
  return {
    ca: fs.readFileSync(paths.caCertificatePath),
    cert: fs.readFileSync(paths.localhostCertificatePath),
    key: fs.readFileSync(paths.localhostKeyPath),
  };
}
