// One build for the add-in: the task pane (React + Fluent UI) and the custom functions (engine only) share a
// runtime in Office, but are separate bundles so the formula runtime stays small and loads on its own.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const FunctionsZhCnPlugin = require("./scripts/functions-zh-cn-plugin");

const devUrl = "https://localhost:3000/";
// The origin the production build is served from; manifest.xml in dist/ is rewritten to it. There is no default:
// a manifest pointing at a placeholder would install an add-in that loads nothing, so the build refuses instead.
const prodUrl = (process.env.ADDIN_PROD_URL ?? "").replace(/\/?$/, "/");

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
      ...(onlyFunctions ? {} : { taskpane: "./src/taskpane/index.tsx" }),
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // The edition schema's validator, compiled at build time (see scripts/ajv-standalone-loader.js).
        { test: /src[\\/]policy[\\/]validation[\\/]compileSchema\.ts$/, use: "./scripts/ajv-standalone-loader.js" },
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, /src[\\/]policy[\\/]validation[\\/]compileSchema\.ts$/],
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
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
              // The shared runtime: one page hosts both the pane and the functions.
              chunks: ["functions", "taskpane"],
              // The page's Content-Security-Policy (see contentSecurityPolicy below).
              csp: contentSecurityPolicy(dev, devPort),
            }),
          ]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
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
 * The pane's CSP (a <meta> in taskpane.html): scripts from this origin and Office's CDN only, no eval (production
 * is built with devtool: false; development uses plain source maps), styles inline for Fluent UI's griffel, which
 * injects its CSS at run time. Development adds the dev server's live-reload websocket.
 */
function contentSecurityPolicy(dev, port) {
  const officeCdn = "https://appsforoffice.microsoft.com";
  const connect = ["'self'", officeCdn, ...(dev ? [`wss://localhost:${port}`] : [])];
  return [
    "default-src 'self'",
    `script-src 'self' ${officeCdn}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${officeCdn}`,
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
