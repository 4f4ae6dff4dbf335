/**
 * The one formula shifter of the kernel, under its two uses: a fill or shared formula (`shiftFormula`: relative
 * references move on any sheet, `$` parts stay) and a refresh relocating a product formula to where the user's
 * row and columns are (`relocateFormula`: every reference into the sheet moves, `$` marks kept, other sheets stay).
 */
import { moveReferences, relocateFormula, sameFormula, shiftFormula } from "../../src/workbook/references";

describe("moveReferences and its two uses", () => {
  it("shiftFormula: relative references move, anchored ones, text, sheet names in quotes and tables stay", () => {
    expect(shiftFormula('IF(LEN(TRIM(J5))=0,"J5",J5/$E$5+目标任务!$B:$B)', 2, 0)).toBe(
      'IF(LEN(TRIM(J7))=0,"J5",J7/$E$5+目标任务!$B:$B)',
    );
    expect(shiftFormula("SUM(B5:B10)+'Sheet A1'!C3+LOG10(A1)+ZC_Targets[实际值]", 1, 1)).toBe(
      "SUM(C6:C11)+'Sheet A1'!D4+LOG10(B2)+ZC_Targets[实际值]",
    );
    expect(shiftFormula("A1-B2", -5, -5)).toBe("A1-A1");
  });

  it("relocateFormula: references into the sheet follow the row and columns, other sheets' references stay", () => {
    const row = (r: number) => (r === 5 ? 12 : r < 4 ? r + 2 : r);
    const column = (c: number) => (c >= 5 ? c + 1 : c);
    expect(relocateFormula('IF(LEN(TRIM(J5))=0,"",J5/E5)+$D$2', row, column)).toBe(
      'IF(LEN(TRIM(K12))=0,"",K12/F12)+$D$4',
    );
    expect(relocateFormula("'月度填报'!$A5+X!B5+MATCH($A5,'月度填报'!$A:$A,0)", row, column)).toBe(
      "'月度填报'!$A5+X!B5+MATCH($A12,'月度填报'!$A:$A,0)",
    );
  });

  it("tells the mover whether a part is anchored and whether the reference names a sheet", () => {
    // Per reference: its row part first, then its column part(s).
    const seen: string[] = [];
    moveReferences("$A1+'S'!B$2+C:$D", {
      column: (c, anchored, qualified) => (seen.push(`c${c}${anchored ? "$" : ""}${qualified ? "!" : ""}`), c),
      row: (r, anchored, qualified) => (seen.push(`r${r}${anchored ? "$" : ""}${qualified ? "!" : ""}`), r),
    });
    expect(seen).toEqual(["r1", "c1$", "r2$!", "c2!", "c3", "c4$"]);
  });

  it("reads a reference only where a name cannot go on: not inside names, text or table columns", () => {
    const shifted = (f: string) => shiftFormula(f, 1, 1);
    expect(shifted("ABCD1+A1")).toBe("ABCD1+B2");
    expect(shifted("LOG10(A1)+ATAN2(B2,C3)")).toBe("LOG10(B2)+ATAN2(C3,D4)");
    expect(shifted('"a""b"&A1')).toBe('"a""b"&B2');
    expect(shifted("Sheet1.A1+$$A1")).toBe("Sheet1.A1+$$A1");
    expect(shifted("A1:B2+C:D+AB12!")).toBe("B2:C3+D:E+AB12!");
    expect(shifted("X1_a+目标A1+A1目标+a1+A1b")).toBe("X1_a+目标A1+A1目标+a1+A1b");
    expect(shifted("[x]A1+'S''t'!A1")).toBe("[x]B2+'S''t'!B2");
  });

  it("sameFormula: with or without the leading =, as two engines may spell it", () => {
    expect(sameFormula("=A1+1", "A1+1")).toBe(true);
    expect(sameFormula("A1+1", "=A1+1")).toBe(true);
    expect(sameFormula('=if(a1>0, 1E-014,"x")', 'IF(A1>0,1E-14,"x")')).toBe(true);
    expect(sameFormula("=A1+1", "A1+2")).toBe(false);
    expect(sameFormula("=A1", "=A12")).toBe(false);
    expect(sameFormula('"a"&A1', '"A"&A1')).toBe(false);
  });
});
