/**
 * Which edition a ZC formula computes with: the workbook's own (handed over by the pane once validated), else the
 * default bundled one; a qualified first argument, `"yueqing-2025/art01-hitech-firms"`, picks an edition by id so
 * one report can compare two years. Definitions are built once per edition and kept.
 */
import { indexEdition, type EditionIndex } from "../engine";
import type { EditionData } from "../policy/types";
import type { FnError, FunctionDef, Value } from "./args";
import { createFunctions } from "./definitions";
import { FunctionError } from "./messages";
import { parseQualifiedReference } from "./qualifiedReference";

export interface EditionRegistry {
  /** The edition unqualified references use. */
  active(): EditionIndex;
  /** An edition by id: the workbook's, or a bundled one. */
  byId(id: string): EditionIndex | undefined;
  setWorkbookEdition(data: EditionData | undefined): void;
  /** ZC.<name>(…args), with a qualified first argument resolved to its edition. */
  evaluate(name: string, args: readonly unknown[]): Value | FnError;
}

export function createEditionRegistry(bundled: readonly EditionData[], defaultId: string): EditionRegistry {
  const byBundledId = new Map(bundled.map((d) => [d.document.id.toLowerCase(), d]));
  const fallback = byBundledId.get(defaultId.toLowerCase()) ?? bundled[0];
  if (fallback === undefined) throw new Error("no bundled edition");
  let workbook: EditionData | undefined;
  const definitions = new WeakMap<EditionIndex, Map<string, FunctionDef>>();

  const active = () => indexEdition(workbook ?? fallback);
  const byId = (id: string): EditionIndex | undefined => {
    const key = id.trim().toLowerCase();
    if (workbook !== undefined && workbook.document.id.toLowerCase() === key) return indexEdition(workbook);
    const data = byBundledId.get(key);
    return data === undefined ? undefined : indexEdition(data);
  };
  const knownIds = () =>
    [...new Set([...(workbook ? [workbook.document.id] : []), ...bundled.map((d) => d.document.id)])].join("、");
  const definitionsOf = (index: EditionIndex): Map<string, FunctionDef> => {
    let table = definitions.get(index);
    if (table === undefined) {
      table = new Map(createFunctions(index).map((d) => [d.id, d]));
      definitions.set(index, table);
    }
    return table;
  };

  return {
    active,
    byId,
    setWorkbookEdition(data) {
      workbook = data;
    },
    evaluate(name, args) {
      let index = active();
      let rest = args;
      const first = args[0];
      const qualified = typeof first === "string" ? parseQualifiedReference(first) : undefined;
      if (qualified !== undefined) {
        const found = byId(qualified.editionId);
        if (found === undefined) return new FunctionError("NA", "unknownEdition", [qualified.editionId, knownIds()]);
        index = found;
        rest = [qualified.reference, ...args.slice(1)];
      }
      const def = definitionsOf(index).get(name);
      if (def === undefined) throw new Error(`ZC.${name} has no definition`);
      return def.evaluate(rest);
    },
  };
}
