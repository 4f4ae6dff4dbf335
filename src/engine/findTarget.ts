import { describeInput, isBlankInput } from "./describeInput";
import { isCalcError, notAvailable, valueError, type CalcError } from "./errors";
import type { EditionIndex } from "./editionIndex";
import { unwrapSingle } from "./readNumber";
import type { Target } from "../policy/types";

/**
 * The target with an id, or `#N/A` naming the id that was not found.
 *
 * @example
 * findTarget(index, "ART01-HITECH-FIRMS").value // 75 (ids are matched case-insensitively)
 */
export function findTarget(index: EditionIndex, input: unknown): Target | CalcError {
  const id = unwrapSingle(input);
  if (isCalcError(id)) return id;
  if (isBlankInput(id)) return valueError("required", "id");
  if (typeof id !== "string") return notAvailable("unknownTarget", describeInput(id));
  return index.target(id) ?? notAvailable("unknownTarget", id);
}
