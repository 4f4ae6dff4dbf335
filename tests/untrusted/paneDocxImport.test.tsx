/** @jest-environment jsdom */
/**
 * Issue 18, class 3 in the pane: a policy .docx picked in 导入 is opened within the same package limits as the
 * CLI's `import` (src/xlsx/packageLimits.ts) before mammoth inflates a byte. The .docx bombs of the CLI test
 * (tests/support/hostile.ts) are picked through the panel with the pane's real file reader: each is refused in one
 * message naming the file and the part, nothing is drafted, and a real .docx still reads.
 */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TextDecoder, TextEncoder } from "node:util";
import type { ReviewSheet } from "../../src/importer/review";
import { getEdition } from "../../src/policy";
import type { ImportActions } from "../../src/taskpane/importActions";
import { readPolicyFile } from "../../src/taskpane/importFile";
import { ImportPanel } from "../../src/taskpane/panels/ImportPanel";
import { zipOf, type ZipEntry } from "../support/hostile";
import { summaryOf } from "../taskpane/fakeActions";
import { renderInPane } from "../taskpane/render";

// mammoth as webpack bundles it for the pane (package.json "browser": the unzip that takes an ArrayBuffer).
jest.mock("mammoth/lib/unzip", () => jest.requireActual("mammoth/browser/unzip"));
// The browsers the pane runs in have these; jsdom lacks them (Blob.arrayBuffer is read through FileReader instead).
Object.assign(globalThis, { TextDecoder, TextEncoder });
Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(this);
  });
};

const GiB = 2 ** 30;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const documentXml = (paragraphs: readonly string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
    .map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`)
    .join("")}</w:body></w:document>`;

/** A .docx package: the frame a Word file has, and the given parts. */
const docxWith = (...parts: ZipEntry[]) =>
  new Uint8Array(
    zipOf([{ name: "[Content_Types].xml", data: CONTENT_TYPES }, { name: "_rels/.rels", data: RELS }, ...parts]),
  );

class NoWorkbook implements ImportActions {
  writes = 0;
  async writeReviewSheet(_sheet: ReviewSheet) {
    this.writes++;
    return { written: true, sheet: "导入审核" };
  }
  async applyEdition() {
    return summaryOf();
  }
  async readReviewSheet() {
    return undefined;
  }
}

function pick(lang: "zh" | "en" = "zh") {
  const workbook = new NoWorkbook();
  const current = getEdition("yueqing-2025");
  if (!current) throw new Error("no bundled edition");
  renderInPane(<ImportPanel actions={workbook} current={current} readFile={readPolicyFile} />, lang);
  return { workbook, user: userEvent.setup() };
}

describe("the pane's .docx import within the package limits", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ["document.xml inflating to 2 GiB", { name: "word/document.xml", zeros: 2 * GiB }],
    ["document.xml hiding 1 GiB (declared 100 bytes)", { name: "word/document.xml", zeros: GiB, declaredSize: 100 }],
    ["styles.xml hiding 1 GiB", { name: "word/styles.xml", zeros: GiB, declaredSize: 100 }],
    ["an image of 200 MB", { name: "word/media/image1.png", zeros: 200 * 2 ** 20 }],
  ] as const)("a .docx whose %s is refused in one message, nothing drafted", async (_what, bomb) => {
    const { workbook, user } = pick();
    const file = new File([docxWith(bomb)], "政策.docx", { type: DOCX });
    await user.upload(screen.getByTestId("import-file"), file);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(`未读取文件“政策.docx”`);
    expect(alert).toHaveTextContent(bomb.name);
    expect(screen.queryByText(/已读取/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "生成审核表" }));
    expect(workbook.writes).toBe(0);
  });

  it("the refusal is in English in an English pane", async () => {
    pick("en");
    const bomb = { name: "word/document.xml", zeros: GiB, declaredSize: 100 };
    await userEvent.setup().upload(screen.getByTestId("import-file"), new File([docxWith(bomb)], "policy.docx"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /Did not read "policy\.docx": the part word\/document\.xml/,
    );
  });

  it("a file over the policy-file size limit is refused before it is read", async () => {
    const file = new File(["x"], "大文件.txt", { type: "text/plain" });
    Object.defineProperty(file, "size", { value: 21 * 2 ** 20 });
    const arrayBuffer = jest.spyOn(file, "arrayBuffer");
    await expect(readPolicyFile(file)).rejects.toMatchObject({ name: "PolicyFileRefusedError", english: /20 MB/ });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it("a real .docx within the limits still reads", async () => {
    const paragraphs = ["乐清市推动经济高质量发展若干政策", "一、科技创新", "研发经费投入强度达到3.12%左右。"];
    const file = new File([docxWith({ name: "word/document.xml", data: documentXml(paragraphs) })], "政策.docx", {
      type: DOCX,
    });
    const text = await readPolicyFile(file);
    for (const p of paragraphs) expect(text).toContain(p);
  });
});
