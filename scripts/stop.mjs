#!/usr/bin/env node
// `npm run stop`: stops what `npm start` started, on every platform.
// - The dev server: `npm start` records its own pid and the server's (scripts/devServer.mjs); both are ended if
//   they are still that process (on Linux the command line is checked, so a reused pid is never killed).
// - Windows and macOS: office-addin-debugging also unregisters the sideloaded add-in and closes its debugging.
//   (On Linux office-addin-debugging has nothing to do — it says "Platform not supported: linux" — so it is not run.)
// - Excel on the web: an uploaded add-in stays in the browser's My add-ins until removed there; the script says so.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { forgetStart, port, readStart, root } from "./devServer.mjs";

const require = createRequire(path.join(root, "package.json"));
const say = (text) => console.log(text);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** On Linux, the process's command line must still be ours (`npm start`'s script or webpack serve). */
function isOurs(pid) {
  const file = `/proc/${pid}/cmdline`;
  if (!existsSync(file)) return process.platform !== "linux";
  const cmdline = readFileSync(file, "utf8").replace(/\0/g, " ");
  return /start\.mjs|webpack.*serve/.test(cmdline);
}

async function stopServer() {
  const state = readStart();
  const pids = [state?.server, state?.pid].filter((p) => Number.isInteger(p) && p > 0 && alive(p) && isOurs(p));
  if (!state || pids.length === 0) {
    forgetStart();
    say(`没有正在运行的 npm start 开发服务器(端口 ${port})。 / No dev server started by npm start is running.`);
    return false;
  }
  for (const pid of pids) process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const pid of pids.filter(alive)) process.kill(pid, "SIGKILL");
  forgetStart();
  say(`已停止开发服务器 https://localhost:${port}/(进程 ${pids.join("、")})。 / Stopped the dev server.`);
  return true;
}

function unregister() {
  let cli;
  try {
    cli = require.resolve("office-addin-debugging/cli.js");
  } catch {
    say("office-addin-debugging 未安装,无法取消旁加载;请运行 npm ci。 / office-addin-debugging is not installed.");
    return 1;
  }
  const result = spawnSync(process.execPath, [cli, "stop", path.join(root, "manifest.xml")], { stdio: "inherit" });
  return result.status ?? 1;
}

const stopped = await stopServer();
let code = 0;
if (process.platform === "win32" || process.platform === "darwin") {
  code = unregister();
} else if (stopped) {
  say(
    "Excel 网页版中上传的加载项不会自动移除:需要时在 开始 › 加载项 › 我的加载项 中删除。" +
      " / An add-in uploaded to Excel on the web stays in My add-ins until you remove it there.",
  );
}
process.exit(code);
