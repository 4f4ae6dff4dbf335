import { hostname } from "node:os";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { FileError, realTarget } from "./files";
import { forget, removeOnInterrupt } from "./interrupt";

/**
 * An exclusive lock on a workbook for a read-modify-write (`template --update`, `report --sheet`): a file
 * `.~zc-lock.NAME` beside it, created with O_EXCL, holding who took it. A second run on the same file refuses with
 * one line instead of both reporting success and one result disappearing. The lock is removed when the run ends,
 * fails or is interrupted (Ctrl-C). A lock left by a process that no longer runs on this machine, or older than
 * {@link STALE_LOCK_MS} (a crash on another machine sharing the folder), is stale: it is taken over, not obeyed.
 */
export const STALE_LOCK_MS = 10 * 60 * 1000;

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: number;
}

export function lockFileOf(realFile: string): string {
  return path.join(path.dirname(realFile), `.~zc-lock.${path.basename(realFile)}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function holderOf(lock: string): Promise<Holder | undefined> {
  try {
    const held = JSON.parse(await fsp.readFile(lock, "utf8")) as Partial<Holder>;
    if (typeof held.pid === "number" && typeof held.host === "string" && typeof held.since === "number")
      return held as Holder;
  } catch {
    // Unreadable or half-written: judged by its age below.
  }
  return undefined;
}

async function isStale(lock: string, now: number): Promise<boolean> {
  const holder = await holderOf(lock);
  if (holder !== undefined && holder.host === hostname()) return !alive(holder.pid);
  const since =
    holder?.since ??
    (await fsp.stat(lock).then(
      (s) => s.mtimeMs,
      () => now,
    ));
  return now - since > STALE_LOCK_MS;
}

/** Runs `work` holding the workbook's lock; refuses with a FileError naming `file` when another run holds it. */
export async function withWorkbookLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = lockFileOf(await realTarget(file));
  const me: Holder = { pid: process.pid, host: hostname(), since: Date.now() };
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.writeFile(lock, JSON.stringify(me), { flag: "wx" });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") break; // A folder we cannot write a lock into: the write itself will say why.
      if (attempt === 0 && (await isStale(lock, Date.now()))) {
        await fsp.unlink(lock).catch(() => undefined);
        continue;
      }
      const holder = await holderOf(lock);
      const who = holder ? `进程 ${holder.pid}@${holder.host}` : "另一个程序";
      const whoEn = holder ? `process ${holder.pid}@${holder.host}` : "another program";
      throw new FileError(
        file,
        `正被${who}刷新或写入(锁文件 ${path.basename(lock)}),未作改动;请等它完成后重试。`,
        `it is being refreshed or written by ${whoEn} (lock ${path.basename(lock)}); it was left unchanged — try again when that run ends.`,
      );
    }
  }
  removeOnInterrupt(lock);
  try {
    return await work();
  } finally {
    forget(lock);
    if ((await holderOf(lock))?.pid === me.pid) await fsp.unlink(lock).catch(() => undefined);
  }
}
