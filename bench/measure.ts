import { performance } from "node:perf_hooks";

export interface Measurement {
  readonly label: string;
  readonly calls: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Runs `body(i)` for i in [0, calls) after a warm-up, and reports calls per second. The sink defeats dead-code
 * elimination: every result is folded into a value that is printed.
 */
export function measure(label: string, calls: number, body: (i: number) => unknown): Measurement {
  let sink = 0;
  const fold = (x: unknown) => {
    sink = (sink + (typeof x === "number" ? x : typeof x === "string" ? x.length : x ? 1 : 0)) % 1e9;
  };
  for (let i = 0; i < Math.min(calls, 100_000); i++) fold(body(i));
  const start = performance.now();
  for (let i = 0; i < calls; i++) fold(body(i));
  const seconds = (performance.now() - start) / 1000;
  if (Number.isNaN(sink)) console.log("(sink)", sink);
  return { label, calls, seconds, perSecond: calls / seconds };
}

export function report(m: Measurement, baseline?: Measurement): void {
  const rate = `${(m.perSecond / 1e6).toFixed(2)} M calls/s`;
  const ratio = baseline ? `  (${(m.perSecond / baseline.perSecond).toFixed(2)}× of ${baseline.label})` : "";
  console.log(`${m.label}: ${rate} over ${m.calls.toLocaleString("en-US")} calls${ratio}`);
}

/** The median of `runs` timings of `body` in milliseconds, after a few warm-up calls (so the JIT has run). */
export function medianMs(runs: number, body: () => unknown): number {
  for (let i = 0; i < WARM_UP; i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** {@link medianMs} for work that completes asynchronously (timed until its promise settles). */
export async function medianMsAsync(runs: number, body: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * The medians of `runs` timings each of `product` and `baseline`, taken in turns (product, baseline, product…)
 * after both have warmed up: on a shared machine whose speed drifts within a minute, timing all of one and then
 * all of the other measured the drift as often as the code. The ratio of the two is the figure to trust.
 */
export async function pairedMedianMsAsync(
  runs: number,
  product: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<[number, number]> {
  for (let i = 0; i < WARM_UP; i++) {
    await product();
    await baseline();
  }
  const times: [number[], number[]] = [[], []];
  const time = async (body: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await body();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    await time(product, times[0]);
    await time(baseline, times[1]);
  }
  return [median(times[0]), median(times[1])];
}

const WARM_UP = 3;

function median(times: number[]): number {
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
