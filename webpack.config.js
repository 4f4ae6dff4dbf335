/* eslint-disable no-undef */
// One build for the add-in: the task pane (React + Fluent UI) and the custom functions (engine only) share a
// runtime in Office, but are separate bundles so the formula runtime stays small and loads on its own.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const devUrl = "https://localhost:3000/";
// The origin the production build is served from; manifest.xml in dist/ is rewritten to it.
const prodUrl = (process.env.ADDIN_PROD_URL || "https://zhengce-mubiao.example.gov.cn/").replace(/\/?$/, "/");

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // ---- custom functions (owned by src/functions) ----
      functions: "./src/functions/functions.ts",
      // ---- task pane (owned by src/taskpane) ----
      taskpane: "./src/taskpane/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: one page hosts both the pane and the functions.
        chunks: ["functions", "taskpane"],
      }),
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
    devServer: {
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
