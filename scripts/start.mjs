#!/usr/bin/env node
// `npm start`: certificates → https dev server on https://localhost:3000/ → sideload into Excel where Excel exists.
//
// - Certificates come from office-addin-dev-certs (~/.office-addin-dev-certs). On Windows and macOS its CA is
//   installed (Office only trusts https it can verify). On Linux there is no desktop Excel and usually no sudo:
//   the certificates are generated without installing the CA, and the script says how to trust it in a browser.
// - The dev server is `webpack serve --mode development` (webpack.config.js reads the certificates).
// - Sideloading uses office-addin-debugging on Windows and macOS. Elsewhere, or with --no-sideload, the server keeps
//   running and the script prints how to upload manifest.xml into Excel on the web.
// Every failure ends with a sentence saying what went wrong and what to do. Ctrl+C stops the server.
import { spawn, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { forgetStart, port, recordStart, root } from "./devServer.mjs";

const require = createRequire(path.join(root, "package.json"));
const paneUrl = `https://localhost:${port}/taskpane.html`;
const manifest = path.join(root, "manifest.xml");
const args = new Set(process.argv.slice(2));
const sideloadWanted = !args.has("--no-sideload") && process.env.ZC_NO_SIDELOAD !== "1";
const excelPlatform = process.platform === "win32" || process.platform === "darwin";

const say = (text = "") => console.log(text);
const section = (title) => say(`\n== ${title} ==`);
function fail(message, code = 1) {
  console.error(`\n✖ ${message}`);
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------------------------
async function certificates() {
  section("Certificates");
  let devCerts;
  let paths;
  try {
    devCerts = require("office-addin-dev-certs");
    paths = require("office-addin-dev-certs/lib/defaults");
  } catch (error) {
    fail(`office-addin-dev-certs cannot be loaded (${error.message}). Run \`npm ci\` and try again.`);
  }
  const files = [paths.caCertificatePath, paths.localhostCertificatePath, paths.localhostKeyPath];
  const valid = () => {
    if (!files.every((f) => existsSync(f))) return false;
    try {
      const cert = new X509Certificate(readFileSync(paths.localhostCertificatePath));
      return Date.parse(cert.validTo) - Date.now() > 24 * 3600 * 1000;
    } catch {
      return false;
    }
  };

  if (excelPlatform) {
    try {
      // Generates when needed and installs the CA in the user's store (Windows may show a confirmation dialog).
      await devCerts.ensureCertificatesAreInstalled();
      return;
    } catch (error) {
      say(`The development CA could not be installed: ${error.message}`);
      say(
        "Excel will refuse https://localhost until it is trusted; run `npx office-addin-dev-certs install` and retry.",
      );
    }
  }
  if (!valid()) {
    await devCerts.generateCertificates();
    say(`Generated a localhost certificate in ${path.dirname(paths.localhostCertificatePath)}.`);
  } else {
    say(`Using the localhost certificate in ${path.dirname(paths.localhostCertificatePath)}.`);
  }
  if (process.platform === "linux") {
    let installed = false;
    try {
      installed = devCerts.isCaCertificateInstalled();
    } catch {
      installed = false;
    }
    const sudo = spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
    if (!installed && sudo && process.env.ZC_INSTALL_CA === "1") {
      try {
        await devCerts.installCaCertificate(paths.caCertificatePath);
        installed = true;
      } catch (error) {
        say(`Installing the CA failed: ${error.message}`);
      }
    }
    if (!installed) {
      say(
        [
          "The development CA is NOT installed (Linux, without sudo it cannot be). The server still runs; to make a",
          "browser trust https://localhost:" + port + "/ for Excel on the web, do one of:",
          `  • Chrome/Edge/Chromium: Settings › Privacy and security › Security › Manage certificates › Authorities ›`,
          `    Import ${paths.caCertificatePath} and trust it for websites; or`,
          `    certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${paths.caCertificatePath}`,
          `  • Firefox: Settings › Certificates › View Certificates › Authorities › Import the same file.`,
          `  • With sudo: ZC_INSTALL_CA=1 npm start   (or npx office-addin-dev-certs install)`,
        ].join("\n"),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
function startDevServer() {
  section("Dev server");
  let cli;
  try {
    cli = require.resolve("webpack-cli/bin/cli.js");
  } catch {
    fail("webpack-cli is not installed. Run `npm ci` and try again.");
  }
  const env = { ...process.env };
  say(`Building and serving ${paneUrl} (webpack serve --mode development) …`);
  const child = spawn(process.execPath, [cli, "serve", "--mode", "development"], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return child;
}

function ping() {
  return new Promise((resolve) => {
    const req = https.get(paneUrl, { rejectUnauthorized: false, timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function waitForServer(child) {
  let exited = null;
  child.once("exit", (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    if (exited) {
      fail(
        `The dev server stopped before serving (exit ${exited.code ?? exited.signal}). The webpack output above says why` +
          ` — a compile error, or port ${port} already in use (\`npm run stop\`, or stop whatever listens on it).`,
      );
    }
    if (await ping()) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  child.kill();
  fail(`${paneUrl} did not answer within 5 minutes; see the webpack output above.`);
}

// ---------------------------------------------------------------------------------------------------------------
function webInstructions(reason) {
  section("Sideload into Excel on the web");
  say(reason);
  say(
    [
      `The add-in is served at ${paneUrl}. To use it in Excel on the web:`,
      "  1. In the same browser, open " + paneUrl + " once; it must load without a certificate warning",
      "     (see the certificate notes above).",
      "  2. Open https://www.office.com, start Excel and open (or create) a workbook.",
      "  3. Home › Add-ins › More add-ins (开始 › 加载项 › 更多加载项) › My add-ins (我的加载项) ›",
      "     Upload My Add-in (上传我的加载项), and choose:",
      `       ${manifest}`,
      "  4. Click 政策目标 on the Home tab. The ZC functions (=ZC.…) register with the pane.",
      "",
      "Press Ctrl+C to stop the server.",
    ].join("\n"),
  );
}

async function sideload() {
  if (!sideloadWanted) return webInstructions("Sideloading is off (--no-sideload).");
  if (!excelPlatform) {
    return webInstructions(
      `There is no desktop Excel on ${process.platform}; the server keeps running for Excel on the web.`,
    );
  }
  section("Sideload into Excel");
  let debugging;
  try {
    debugging = require("office-addin-debugging");
  } catch (error) {
    return webInstructions(
      `office-addin-debugging cannot be loaded (${error.message.split("\n")[0]}), so Excel cannot be started for you.\n` +
        "Sideload by hand: Windows — File › Options › Trust Center › Trusted Add-in Catalogs with a shared folder holding\n" +
        "manifest.xml, or Excel on the web as below.",
    );
  }
  try {
    await debugging.startDebugging(manifest, {
      appType: "desktop",
      app: "excel",
      enableDebugging: false,
      enableLiveReload: false,
      enableSideload: true,
      devServerPort: port,
    });
    say("Excel was started with the add-in sideloaded: Home › 政策目标. `npm run stop` unregisters it.");
    say("Press Ctrl+C to stop the server.");
  } catch (error) {
    webInstructions(`Sideloading into desktop Excel failed: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
/** True when something already listens on the port (another `npm start`, or another dev server). */
function portInUse() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function main() {
  say("政策目标 — development start");
  if (await portInUse()) {
    fail(
      `Port ${port} is already in use — another \`npm start\` (or dev server) is running. Stop it first (Ctrl+C in its` +
        ` terminal; \`npm run stop\` also unregisters a sideloaded add-in), or free the port, then run \`npm start\` again.`,
    );
  }
  await certificates();
  const server = startDevServer();
  // `npm run stop` finds this process and the server here.
  recordStart({ pid: process.pid, server: server.pid });
  process.on("exit", forgetStart);
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  process.on("SIGTERM", () => {
    stop();
    process.exit(143);
  });
  await waitForServer(server);
  say(`\n✔ Serving ${paneUrl}`);
  await sideload();
  server.on("exit", (code, signal) => {
    console.error(
      `\nThe dev server stopped (exit ${code ?? signal}); see its output above. Run \`npm start\` to start again.`,
    );
    process.exit(code ?? 1);
  });
}

main().catch((error) => fail(`npm start failed: ${error?.stack || error}`));
