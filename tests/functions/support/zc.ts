/** The ZC functions as plain values (the layer under CustomFunctions), for tests of behaviour and figures. */
import type { ErrorCode } from "../../../src/engine";
import { defaultEditionId, editionIds, editions, getEdition } from "../../../src/policy";
import type { EditionData } from "../../../src/policy/types";
import { isFnError, type FnError } from "../../../src/functions/args";
import { createEditionRegistry } from "../../../src/functions/editions";

export const edition = editions[defaultEditionId].data;

/** ZC.<id>(…args) in a workbook that carries `data` (the bundled editions stay reachable by qualified ids). */
export function functionsOf(data: EditionData): (id: string, ...args: unknown[]) => unknown {
  const registry = createEditionRegistry(
    editionIds().flatMap((id) => getEdition(id) ?? []),
    defaultEditionId,
  );
  if (data !== edition) registry.setWorkbookEdition(data);
  return (id, ...args) => registry.evaluate(id, args);
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
