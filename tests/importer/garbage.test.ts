import { readFileSync } from "fs";
import path from "path";
import { importEdition } from "../../src/importer";

// Garbage in: a clear message or a near-empty draft, never a throw or a hang.
describe("importer on garbage", () => {
  it("an empty text", () => {
    const d = importEdition("");
    expect(d.areas).toEqual([]);
    expect(d.targets).toEqual([]);
    expect(d.draft.messages.join()).toContain("未找到领域标题");
  });

  it("a novel", () => {
    const novel = "第一章\n那是一个晴朗的早晨,他走了3里路,买了2斤苹果,花了15元。\n".repeat(400);
    const d = importEdition(novel);
    expect(d.areas).toEqual([]);
    expect(d.targets).toEqual([]);
    expect(d.draft.messages.join()).toContain("不像");
  });

  it("a binary file renamed .docx, read as text", () => {
    const binary = readFileSync(path.join(__dirname, "../../assets", "icon-32.png")).toString("utf8");
    const d = importEdition(binary);
    expect(d.targets).toEqual([]);
    expect(d.draft.messages.join()).toContain("不可读字符");
  });

  it("5 MB of digits", () => {
    const digits = "1234567890".repeat(500_000);
    const d = importEdition(digits);
    expect(d.targets).toEqual([]);
    expect(d.draft.messages.join()).toContain("文本过长");
  });
});
