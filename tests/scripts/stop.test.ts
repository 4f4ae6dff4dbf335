/**
 * `npm run stop` on Linux: it stops the dev server `npm start` recorded, says when there is none, and never prints
 * office-addin-debugging's "Platform not supported" while doing nothing.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const stop = (state: string) =>
  spawnSync(process.execPath, [path.join(root, "scripts/stop.mjs")], {
    cwd: root,
    env: { ...process.env, ZC_DEV_STATE: state },
    encoding: "utf8",
  });

const linux = process.platform === "linux" ? describe : describe.skip;

linux("npm run stop (Linux)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zc-stop-"));

  it("says that no dev server is running when npm start is not", () => {
    const out = stop(path.join(dir, "none.json"));
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/没有正在运行的 npm start 开发服务器/);
    expect(out.stdout + out.stderr).not.toMatch(/Platform not supported/);
  });

  it("stops the process npm start recorded, and forgets it", async () => {
    // Stands in for `node scripts/start.mjs`: its command line names start.mjs, as the real one does.
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "scripts/start.mjs"], { cwd: root });
    const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
    const state = path.join(dir, "running.json");
    writeFileSync(state, JSON.stringify({ pid: child.pid, server: child.pid, port: 3000 }));
    const out = stop(state);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/已停止开发服务器/);
    expect(await exited).toBe("SIGTERM");
    expect(existsSync(state)).toBe(false);
  });

  it("never kills a process whose pid was reused by something else", async () => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    const state = path.join(dir, "reused.json");
    writeFileSync(state, JSON.stringify({ pid: child.pid, server: child.pid, port: 3000 }));
    const out = stop(state);
    expect(out.stdout).toMatch(/没有正在运行/);
    expect(child.exitCode).toBeNull();
    child.kill();
  });
});
