/** The ZC functions as plain values (the layer under CustomFunctions), for tests of behaviour and figures. */
import { indexEdition, type ErrorCode } from "../../../src/engine";
import { defaultEditionId, editions } from "../../../src/policy";
import type { EditionData } from "../../../src/policy/types";
import { isFnError, type FnError, type FunctionDef } from "../../../src/functions/args";
import { createFunctions } from "../../../src/functions/definitions";

export const edition = editions[defaultEditionId].data;

export function functionsOf(data: EditionData): (id: string, ...args: unknown[]) => unknown {
  const table = new Map<string, FunctionDef>(createFunctions(indexEdition(data)).map((d) => [d.id, d]));
  return (id, ...args) => {
    const def = table.get(id);
    if (!def) throw new Error(`no ZC.${id}`);
    return def.evaluate(args);
  };
}

/** ZC.<id>(…args) over the default edition: a value or an error value. */
export const zc = functionsOf(edition);

/** Asserts an error value with this code whose Chinese message contains every part given. */
export function expectError(value: unknown, code: ErrorCode, ...parts: string[]): FnError {
  if (!isFnError(value)) throw new Error(`expected #${code}, got ${JSON.stringify(value)}`);
  expect(value.code).toBe(code);
  for (const part of parts) expect(value.message).toContain(part);
  expect(/[\u4e00-\u9fff]/.test(value.message)).toBe(true);
  return value;
}
