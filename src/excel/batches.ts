/**
 * The write requests of one run of the Office.js writer. Operations are queued on the request context as before;
 * before each one the writer asks for room, and when the operation would take the request being queued past the
 * budget, what is queued so far goes first (one `context.sync()`). A small edition's whole write stays one
 * request; a large one goes in as many requests as its size needs, each under the budget, in the same order —
 * Excel runs a batch's operations in order, so the cells come out as from one request.
 *
 * Why a budget well under Excel on the web's 5 MB (RequestPayloadSizeLimitExceeded): large requests are slow and
 * the wire format is larger than what is counted here (object paths and action records; see {@link ACTION_BYTES}).
 *
 * Office.js cannot say how large a pending request is, so the size is the writer's estimate: the JSON of every
 * argument and value plus a fixed cost per call or property write.
 */

/** The budget of one write request, in estimated bytes (the fake Excel's count of the same request stays < 1 MB). */
export const BATCH_BYTES = 850 * 1024;

/**
 * What one queued call or property write costs beyond its arguments: the path to the object it acts on and the
 * action's record (the fake Excel records 50–90 bytes for one; office.js's own records are of that order too).
 */
export const ACTION_BYTES = 230;

/** Bytes of `text` in UTF-8 (the request is UTF-8 JSON: a Chinese character is 3 bytes). */
export function byteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The estimated cost of queueing `actions` calls or writes whose arguments are `args`. */
export function costOf(args: unknown, actions = 1): number {
  return byteLength(JSON.stringify(args) ?? "") + actions * ACTION_BYTES;
}

export class WriteBatches {
  private readonly sent: number[] = [];
  private current = 0;

  /**
   * `budget`: the largest request, in estimated bytes (Infinity: one request, whatever its size).
   * `onOpen`: queued at the head of every request (e.g. suspending calculation, which lasts until the next sync).
   */
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number = BATCH_BYTES,
    private readonly onOpen?: () => void,
  ) {}

  /**
   * Room for operations costing `bytes`, asked for before they are queued: sends what is queued first when they
   * would take it past the budget. An operation larger than the budget on its own goes in a request of its own
   * (callers split what can be split, e.g. a sheet's cells by rows, see {@link rowBands}).
   */
  async room(bytes: number): Promise<void> {
    if (this.current > 0 && this.current + bytes > this.budget) await this.send();
    if (this.current === 0) this.onOpen?.();
    this.current += bytes;
  }

  /** {@link room} for `actions` operations whose arguments are `args`. */
  async roomFor(args: unknown, actions = 1): Promise<void> {
    await this.room(costOf(args, actions));
  }

  /** Sends what is queued (no sync when nothing is). */
  async send(): Promise<void> {
    if (this.current === 0) return;
    await this.context.sync();
    this.sent.push(this.current);
    this.current = 0;
  }

  /** Estimated bytes of each request sent, in order. */
  get requests(): readonly number[] {
    return this.sent;
  }

  /** Estimated bytes of everything queued, sent or not. */
  get bytes(): number {
    return this.sent.reduce((s, b) => s + b, 0) + this.current;
  }
}

/**
 * Consecutive row ranges [first, last) of a grid, each of at most `maxBytes` of JSON (a row larger than that is a
 * band of its own): a sheet's cells written band by band, each band a rectangle of the same columns, as Microsoft
 * advises for large ranges (docs/excel/excel-add-ins-ranges-large.md).
 * @example rowBands([[1], [2], [3]], 8) // [[0, 2], [2, 3]]
 */
export function rowBands(grid: readonly (readonly unknown[])[], maxBytes: number): [number, number][] {
  const bands: [number, number][] = [];
  let first = 0;
  let bytes = 0;
  grid.forEach((row, r) => {
    const size = byteLength(JSON.stringify(row)) + 1;
    if (r > first && bytes + size > maxBytes) {
      bands.push([first, r]);
      first = r;
      bytes = 0;
    }
    bytes += size;
  });
  if (grid.length > first) bands.push([first, grid.length]);
  return bands;
}
