import { hasContent } from "../workbook/cells";
import { diffStatic, type StaticDiffOptions } from "../workbook/cellDiff";
import type { CellChange, SheetPatch } from "../workbook/patch";
import { earlierFormulas } from "./formulas";
import { isOurTitle } from "./sheetBuilder";

/**
 * Refreshing a sheet without inputs (说明, 预算安排, 责任分工, 汇总) cell by cell: a title the user retyped in A1 is
 * theirs, and 说明's 生成时间 is returned apart (written only along with a real change).
 */
export function patchStaticSheet(on: Omit<StaticDiffOptions, "keep" | "volatile" | "earlierFormulas">): {
  patch: SheetPatch;
  volatile?: CellChange;
} {
  const { fresh, existing, key } = on;
  return diffStatic({
    ...on,
    earlierFormulas,
    keep: (row, column) =>
      row === 1 && column === 1 && !isOurTitle(existing.cells[0]?.[0]?.value) && hasContent(existing.cells[0]?.[0]),
    volatile: (row, column) => key === "说明" && column === 2 && fresh.cells[row - 1]?.[0]?.value === "生成时间",
  });
}
