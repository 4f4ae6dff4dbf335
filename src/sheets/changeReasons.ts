/**
 * The product's own reasons for writing a cell, beside the kernel's (`ChangeReasons` in src/workbook/patch.ts): the
 * kernel's engines never write these, the product's planners do, and the preview lists them like any other.
 */
declare module "../workbook/patch" {
  interface ChangeReasons {
    /** A 上年值 carried over from last year's workbook into its empty cell (the year's turn, `--previous`). */
    carryOver: true;
    /** A figure or text merged from a unit's return (returns merge): only cells its preview listed. */
    return: true;
  }
}

export {};
