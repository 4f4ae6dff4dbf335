/**
 * Loads the BUILT dist/functions.js as Excel's runtime does: evaluated on its own, with no module system, and a
 * global `CustomFunctions` offering `associate`, `Error` and `ErrorCode`.
 *
 * `isolated` (the default, for tests) runs it in a fresh vm context, where nothing of node is visible. That
 * context's globals (Array, Number, …) are looked up through an interceptor, which makes every call several
 * times slower than in a browser; `shared` (for benches) runs the same file in this realm instead, with
 * `CustomFunctions` passed in as a parameter, so timings reflect the code rather than the sandbox.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

/** The runtime's error codes (@types/custom-functions-runtime's ErrorCode values). */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

/** Stands in for CustomFunctions.Error: a code and an optional message, as Excel reads them. */
export class StubCustomFunctionsError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    if (!Object.values(ErrorCode).includes(code as never)) throw new TypeError(`unknown error code ${code}`);
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

export type Associated = (...args: unknown[]) => unknown;
type Loader = (customFunctions: unknown) => void;

export interface LoadedBundle {
  /** Every function the bundle associated, by id. */
  readonly functions: ReadonlyMap<string, Associated>;
  /** Ids associated more than once (Excel keeps the last; a build should have none). */
  readonly duplicates: readonly string[];
  /** Calls a function as Excel would: its result, or the CustomFunctions.Error it threw (other throws rethrow). */
  call(id: string, ...args: unknown[]): unknown;
}

export function loadFunctionsBundle(distDir: string, realm: "isolated" | "shared" = "isolated"): LoadedBundle {
  const functions = new Map<string, Associated>();
  const duplicates: string[] = [];
  const CustomFunctions = {
    associate(id: string, fn: Associated) {
      if (typeof id !== "string" || typeof fn !== "function") throw new TypeError("associate(id, function)");
      if (functions.has(id)) duplicates.push(id);
      functions.set(id, fn);
    },
    Error: StubCustomFunctionsError,
    ErrorCode,
  };
  const file = path.join(distDir, "functions.js");
  const code = readFileSync(file, "utf8");
  if (realm === "isolated") vm.runInContext(code, vm.createContext({ CustomFunctions }), { filename: file });
  else (vm.runInThisContext(`(function (CustomFunctions) {${code}\n})`, { filename: file }) as Loader)(CustomFunctions);
  return {
    functions,
    duplicates,
    call(id, ...args) {
      const fn = functions.get(id);
      if (!fn) throw new Error(`${id} is not associated`);
      try {
        return fn(...args);
      } catch (error) {
        if (error instanceof StubCustomFunctionsError) return error;
        throw error;
      }
    },
  };
}

export interface FunctionsMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    result: { type?: string; dimensionality?: string };
    parameters: { name: string; description?: string; type?: string; optional?: boolean }[];
    options?: Record<string, boolean>;
  }[];
}

export function readMetadata(distDir: string, file = "functions.json"): FunctionsMetadata {
  return JSON.parse(readFileSync(path.join(distDir, file), "utf8")) as FunctionsMetadata;
}
