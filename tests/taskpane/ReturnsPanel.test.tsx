/** @jest-environment jsdom */
/**
 * The 填报 card with a fake Excel (the workbook's return cells in memory, merged by the real pure plan) and the
 * file route's own writer and reader: 分发 downloads one .zip of the leading units' returns, 回收 previews picked
 * files (a refused file named with its reason, a rejected figure with its text, a conflict with its choice) and
 * merges with the chosen value, 催报 lists who is missing and copies the reminder.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import { createHash } from "node:crypto";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { getEdition } from "../../src/policy";
import {
  makeIdentity,
  planMerge,
  returnFileName,
  unitDuties,
  type CellChoice,
  type CellValue,
  type ReturnedFile,
  type WorkbookCells,
} from "../../src/returns";
import { ReturnsPanel } from "../../src/taskpane/panels/ReturnsPanel";
import {
  choiceKey,
  rowKey,
  type MergeChoices,
  type ReturnsActions,
  type ReturnsSource,
  type RowChoice,
} from "../../src/taskpane/returns/actions";
import type { ReturnFiles } from "../../src/taskpane/returns/files";
import { makeReturnsZip } from "../../src/taskpane/returns/filesChunk";
import { readReturnFile } from "../../src/xlsx/returnFile";
import { fillReturn } from "../support/fillReturn";
import { renderInPane } from "./render";

// jsdom leaves out what every browser the pane runs in has.
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
});

const edition = getEdition("yueqing-2025")!;
const keji = unitDuties(edition).find((d) => d.unit === "市科技局")!;
const [a, b, c] = keji.leads.filter((t) => t.kind === "count");
const leaders = unitDuties(edition).filter((d) => d.leads.length > 0);

/** The workbook's 月度填报 in memory; preview and apply plan with the real merge plan. */
class FakeReturnsActions implements ReturnsActions {
  months = new Map<string, CellValue[]>();
  taken: CellChoice[] = [];
  accepted: RowChoice[] = [];
  constructor() {
    for (const t of edition.targets)
      this.months.set(
        t.id,
        Array.from({ length: 12 }, () => null),
      );
  }
  cells = (): WorkbookCells => ({ months: new Map(this.months), texts: new Map() });
  read(): Promise<ReturnsSource> {
    return Promise.resolve({ cells: this.cells(), hasMonthly: true, reportDate: { year: 2025, month: 7, day: 31 } });
  }
  preview(_: unknown, files: readonly ReturnedFile[]) {
    return Promise.resolve(planMerge({ edition, workbook: this.cells(), files }));
  }
  apply(_: unknown, files: readonly ReturnedFile[], { take, accept }: MergeChoices) {
    this.taken = [...take];
    this.accepted = [...accept];
    const chosen = new Set(take.map(choiceKey));
    const accepted = new Set(accept.map(rowKey));
    const plan = planMerge({
      edition,
      workbook: this.cells(),
      files,
      takeReturned: (x) => chosen.has(choiceKey(x)),
      acceptNotLead: (row) => accepted.has(rowKey(row)),
    });
    for (const w of plan.writes)
      if (w.field === "累计值") (this.months.get(w.id) as CellValue[])[w.month - 1] = w.value;
    return Promise.resolve({ plan, log: [], cellsWritten: plan.writes.length });
  }
}

const io: ReturnFiles = {
  make: makeReturnsZip,
  read: async (files, data) =>
    Promise.all(
      files.map(async (f) => {
        const bytes = new Uint8Array(await f.arrayBuffer());
        return readReturnFile(bytes, f.name, createHash("sha256").update(bytes).digest("hex"), data);
      }),
    ),
};

/** A File whose arrayBuffer() jsdom's File lacks. */
const file = (bytes: Uint8Array, name: string) =>
  Object.assign(new File([bytes as BlobPart], name), {
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  });

describe("ReturnsPanel", () => {
  beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("分发 → 回收 → 催报 on the workbook's report month", async () => {
    const fake = new FakeReturnsActions();
    fake.months.get(b!.id)![6] = 5; // 7月 already typed in the workbook: the unit's 6 is a conflict
    const download = jest.fn((_bytes: Uint8Array, _name: string, _mime: string) => true);
    renderInPane(<ReturnsPanel actions={fake} edition={edition} files={io} download={download} />);
    const user = userEvent.setup();

    expect(await screen.findByRole("combobox", { name: "填报月份" })).toHaveValue("7");
    await user.click(screen.getByRole("button", { name: "生成各单位填报表" }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1), { timeout: 60_000 });
    const [bytes, name, mime] = download.mock.calls[0]!;
    expect(name).toBe("2025-07_各单位填报表.zip");
    expect(mime).toBe("application/zip");
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(leaders.map((d) => returnFileName(d.unit, { year: 2025, month: 7 })).sort());
    const made = await screen.findByTestId("returns-made");
    expect(made).toHaveTextContent(`已下载“2025-07_各单位填报表.zip”:${leaders.length} 个单位的填报表。`);
    expect(made).toHaveTextContent("不牵头任何目标、未生成填报表的单位:");

    // 市科技局 fills its return: a figure, a conflict, an unreadable figure; a stranger's file comes along.
    const sent = await zip.file("2025-07_市科技局.xlsx")!.async("uint8array");
    const filled = await fillReturn(sent, {
      [a!.id]: { figure: "１２家" },
      [b!.id]: { figure: 6 },
      [c!.id]: { figure: "约12家" },
    });
    await user.upload(screen.getByTestId("returns-files"), [
      file(filled, "2025-07_市科技局.xlsx"),
      file(new TextEncoder().encode("not a workbook"), "会议纪要.xlsx"),
    ]);
    const preview = await screen.findByTestId("returns-preview", {}, { timeout: 30_000 });
    expect(preview).toHaveTextContent("“会议纪要.xlsx”未合并:不是政策目标的填报表");
    const kejiFile = within(screen.getByTestId("returns-file-2025-07_市科技局.xlsx"));
    expect(kejiFile.getByText("写入 1 · 相同 0 · 冲突 1 · 拒绝 1")).toBeInTheDocument();
    expect(kejiFile.getByText(`${c!.id} 累计值:“约12家”不是可读的数字,未写入`)).toBeInTheDocument();
    const take = screen.getByRole("checkbox", { name: `采用市科技局的填报值:${b!.id} 累计值 5 → 6` });
    expect(screen.getByRole("button", { name: "写入台账(1 个单元格)并记入填报记录" })).toBeInTheDocument();
    await user.click(take);
    await user.click(screen.getByRole("button", { name: "写入台账(2 个单元格)并记入填报记录" }));
    expect(await screen.findByTestId("returns-applied")).toHaveTextContent("已写入 2 个单元格");
    expect(fake.taken).toEqual([expect.objectContaining({ id: b!.id, month: 7, field: "累计值" })]);
    expect(fake.months.get(a!.id)?.[6]).toBe(12);
    expect(fake.months.get(b!.id)?.[6]).toBe(6);
    expect(fake.months.get(c!.id)?.[6]).toBeNull();

    // 催报: 市科技局 still misses c (and the rest it leads); every other leading unit has not answered.
    const remind = screen.getByTestId("returns-remind");
    await waitFor(() =>
      expect(within(remind).getByTestId("remind-市科技局")).toHaveTextContent(
        `市科技局:未报全(缺 ${missingOf(fake)}/${keji.leads.length} 项)`,
      ),
    );
    const text = within(remind).getByRole("textbox", { name: /催报通知/ });
    expect((text as HTMLTextAreaElement).value).toMatch(/^【催报】请以下单位尽快报送2025年1—7月/);
    // user-event's clipboard stands in for the browser's.
    await user.click(within(remind).getByRole("button", { name: "复制催报通知" }));
    expect(await within(remind).findByText("已复制到剪贴板。")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe((text as HTMLTextAreaElement).value);
  }, 120_000);

  it("a row of a target the unit does not lead is rejected unless staff accept it in the preview", async () => {
    const fake = new FakeReturnsActions();
    const stranger = unitDuties(edition).find((d) => d.unit !== "市科技局" && d.leads.length > 0)!.leads[0]!;
    // A return 市科技局 sent with a row it does not lead (the edition's lead changed since the file was made).
    const returned: ReturnedFile = {
      name: "2025-07_市科技局.xlsx",
      digest: "ab".repeat(32),
      identity: makeIdentity("市科技局", { year: 2025, month: 7 }, edition.document.id, [a!.id, stranger.id]),
      rows: [
        { id: a!.id, figure: 3 },
        { id: stranger.id, figure: stranger.unit === "%" ? "1%" : 7 },
      ],
    };
    const reader: ReturnFiles = { ...io, read: () => Promise.resolve([returned]) };
    renderInPane(<ReturnsPanel actions={fake} edition={edition} files={reader} download={() => true} />);
    const user = userEvent.setup();
    await user.upload(await screen.findByTestId("returns-files"), [file(new Uint8Array([1]), returned.name)]);
    await screen.findByTestId("returns-preview", {}, { timeout: 30_000 });
    const accept = screen.getByRole("checkbox", { name: new RegExp(`^采纳市科技局报送的:${stranger.id} 累计值`) });
    expect(screen.getByRole("button", { name: "写入台账(1 个单元格)并记入填报记录" })).toBeInTheDocument();
    await user.click(accept);
    await user.click(screen.getByRole("button", { name: "写入台账(2 个单元格)并记入填报记录" }));
    expect(await screen.findByTestId("returns-applied")).toHaveTextContent("已写入 2 个单元格");
    expect(fake.accepted).toEqual([{ digest: returned.digest, id: stranger.id }]);
    expect(fake.months.get(stranger.id)?.[6]).toBe(stranger.unit === "%" ? 0.01 : 7);
    expect(screen.queryByText(/变化/)).toBeNull();
  }, 60_000);

  it("outside Excel or without 月度填报 says what to do instead of failing", async () => {
    const fake = new FakeReturnsActions();
    fake.read = () => Promise.resolve({ cells: fake.cells(), hasMonthly: false });
    renderInPane(<ReturnsPanel actions={fake} edition={edition} files={io} download={() => true} />, "en");
    expect(await screen.findByText(/has no 月度填报 sheet yet/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Make the units' return files" })).toBeNull();
  });
});

/** 市科技局's targets whose 7月 cell is still blank. */
const missingOf = (fake: FakeReturnsActions) => keji.leads.filter((t) => fake.months.get(t.id)?.[6] === null).length;
