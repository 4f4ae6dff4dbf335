/** What the return-files chunk takes and gives: declared apart so the chunk and its loader (files.ts) share no cycle. */
export interface ReturnsZip {
  /** The .zip's bytes: one `2025-07_市科技局.xlsx` per unit that leads targets. */
  readonly bytes: Uint8Array;
  /** `2025-07_各单位填报表.zip`. */
  readonly fileName: string;
  readonly files: readonly { readonly fileName: string; readonly unit: string; readonly targets: number }[];
  /** Units that lead no target: no file. */
  readonly withoutReturn: readonly string[];
}

/** A picked file as the reader needs it (a browser `File` is one). */
export interface PickedFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
