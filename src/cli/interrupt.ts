import { unlinkSync } from "node:fs";

/**
 * Files the CLI must not leave behind when it is interrupted (Ctrl-C, `kill`): the hidden temporary file of a
 * write in progress and the lock beside a workbook being refreshed. Each is removed on SIGINT/SIGTERM before the
 * process exits with the usual 128 + signal code; the user's file itself is never touched (a write is a rename).
 */
const pending = new Set<string>();
let installed = false;

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]) {
    process.on(signal, () => {
      for (const file of pending) {
        try {
          unlinkSync(file);
        } catch {
          // Already gone: the rename or the release came first.
        }
      }
      pending.clear();
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}

/** Removes `file` if the process is interrupted before {@link forget} is called for it. */
export function removeOnInterrupt(file: string): void {
  install();
  pending.add(file);
}

/** The file was renamed into place or removed: nothing to clean up for it any more. */
export function forget(file: string): void {
  pending.delete(file);
}
