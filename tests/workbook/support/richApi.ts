/**
 * Microsoft's own Excel client library driving the fake Excel. `loadOfficeJs()` loads excel-web-16.00.js from
 * @microsoft/office-js into a fresh context; there `new Excel.RequestContext(url)` sends every `context.sync()` as
 * a JSON batch (RichApi: object paths + actions) to `url + "/ProcessQuery"` through its HttpRequestExecutor, which
 * is what Excel on the web does too. `RichApiServer` answers those batches on 127.0.0.1 by executing them against a
 * {@link FakeExcel}, so the real proxies decide what may be read (PropertyNotLoaded), which objects survive a sync
 * (InvalidObjectPath), how arguments and values are serialised — and the exact body of every request is recorded.
 *
 * The protocol as answered here (from the library's request builder and response handler):
 * - ObjectPaths: 1 global (the workbook), 3 method, 4 property, 5 indexer (collection item by key), 6 reference
 *   id (an object an earlier response named), 7 null object.
 * - Actions: 1 instantiate (answered with `{}`, `null` for a null object, or `{_ReferenceId}` for an object a
 *   method created — the library replaces the path by that id, so `add(…)`'s result stays usable after the sync),
 *   2 query (the selected properties, PascalCase; a collection's items under `_Items`), 3 method, 4 set property,
 *   5 trace.
 * - An action the fake refuses answers `{Error: {Code, Message, ActionIndex}}`, which the library throws from
 *   `sync()` as a RichApi error with that code.
 * Answered after the whole batch: the fake applies writes and settles loads at its own sync, so a query sees the
 * state after the batch (real Excel reads in order; no code here reads what the same batch wrote).
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import vm from "node:vm";
import { FakeExcel } from "./fakeExcel";

const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

let excelWebSource: string | undefined;

/** The `Excel` namespace of Microsoft's excel-web-16.00.js, loaded into a fresh context that has Node's fetch. */
export function loadOfficeJs(): typeof Excel {
  excelWebSource ??= readFileSync(path.join(OFFICE_DIST, "excel-web-16.00.js"), "utf8");
  const sandbox: Record<string, unknown> = {
    fetch,
    Headers,
    console,
    setTimeout,
    clearTimeout,
    navigator: { userAgent: "node" },
    document: {
      createElement: () => ({}),
      getElementsByTagName: () => [],
      addEventListener: () => undefined,
      readyState: "complete",
    },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  vm.runInContext(excelWebSource, context, { filename: "excel-web-16.00.js" });
  return (context as unknown as { Excel: typeof Excel }).Excel;
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}
interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[] | null; Expand?: string[] | null };
}
export interface RichApiRequest {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

/** One request as the library sent it. */
export interface SentRequest {
  /** The body's size in bytes (UTF-8), as it crosses the wire. */
  bytes: number;
  body: RichApiRequest;
}

/** A method whose result is a new object that must outlive the request (Excel gives it a reference id). */
const CREATES = /^(Add|AddTable|AddFromBase64)$/;

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

class RichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The fake's error text "Code: message" as a RichApi error code. */
function asRichApiError(error: unknown): RichApiError {
  if (error instanceof RichApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = /^([A-Za-z]+):/.exec(message)?.[1] ?? "GeneralException";
  return new RichApiError(code, message);
}

/** Answers RichApi batches against one FakeExcel; `requests` lists what the library sent. */
export class RichApiServer {
  readonly requests: SentRequest[] = [];
  private readonly references = new Map<string, unknown>();
  private nextReference = 1;
  private server: http.Server | undefined;
  url = "";

  constructor(readonly excel: FakeExcel) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        void this.answer(req.url ?? "", raw)
          .catch((error: unknown) => {
            const e = asRichApiError(error);
            return { Error: { Code: e.code, Message: e.message } };
          })
          .then((reply) => {
            // No keep-alive: the library may think for seconds between requests, longer than the server keeps a socket.
            res.writeHead(200, { "content-type": "application/json; charset=utf-8", connection: "close" });
            res.end(JSON.stringify(reply));
          });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/excel`;
    return this.url;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sizes of the requests sent so far, in bytes. */
  get bytes(): number[] {
    return this.requests.map((r) => r.bytes);
  }

  private async answer(url: string, raw: Buffer): Promise<unknown> {
    if (!/\/ProcessQuery(\?|$)/.test(url)) return { Error: { Code: "InvalidRequest", Message: `no route ${url}` } };
    const body = JSON.parse(raw.toString("utf8")) as RichApiRequest;
    this.requests.push({ bytes: raw.length, body });
    return this.execute(body);
  }

  private async execute(body: RichApiRequest): Promise<unknown> {
    const objects = new Map<number, unknown>();
    const resolve = (id: number): unknown => {
      if (objects.has(id)) return objects.get(id);
      const info = body.ObjectPaths[String(id)];
      if (!info) throw new RichApiError("InvalidObjectPath", `no object path ${id}`);
      const value = this.resolvePath(info, resolve);
      objects.set(id, value);
      return value;
    };
    const pending: { actionId: number; value: () => unknown }[] = [];
    for (let index = 0; index < body.Actions.length; index++) {
      const action = body.Actions[index] as ActionInfo;
      try {
        const result = this.act(action, body, resolve);
        if (result) pending.push({ actionId: action.Id, value: result });
      } catch (error) {
        const e = asRichApiError(error);
        await this.excel.context.sync().catch(() => undefined);
        return { Error: { Code: e.code, Message: e.message, ActionIndex: index } };
      }
    }
    try {
      await this.excel.context.sync();
      return { Results: pending.map((p) => ({ ActionId: p.actionId, Value: p.value() })) };
    } catch (error) {
      const e = asRichApiError(error);
      return { Error: { Code: e.code, Message: e.message } };
    }
  }

  private args(info: { ArgumentInfo?: ObjectPathInfo["ArgumentInfo"] }, resolve: (id: number) => unknown): unknown[] {
    const values = info.ArgumentInfo?.Arguments ?? [];
    const refs = info.ArgumentInfo?.ReferencedObjectPathIds ?? [];
    return values.map((v, i) => (refs[i] ? resolve(refs[i] as number) : v));
  }

  private resolvePath(info: ObjectPathInfo, resolve: (id: number) => unknown): unknown {
    const parent = () => {
      if (info.ParentObjectPathId === undefined) throw new RichApiError("InvalidObjectPath", `path ${info.Id}`);
      const p = resolve(info.ParentObjectPathId) as Record<string, unknown> | null;
      if (p === null) throw new RichApiError("InvalidObjectPath", `path ${info.Id}: its parent is a null object`);
      return p;
    };
    switch (info.ObjectPathType) {
      case 1:
        return this.excel.context.workbook;
      case 3: {
        const owner = parent();
        const args = this.args(info, resolve);
        // A modelled collection's item by position; on what the fake only records (a chart's series) a call.
        if (info.Name === "GetItemAt" && "items" in owner) return (owner.items as unknown[])[Number(args[0])];
        const method = owner[camel(info.Name)];
        if (typeof method !== "function")
          throw new RichApiError("ApiNotFound", `${info.Name} is not a method of this object`);
        return (method as (...a: unknown[]) => unknown)(...args);
      }
      case 4: {
        const owner = parent();
        // The workbook's application: calculate() on the fake's workbook.application, the suspension on its root.
        if (info.Name === "Application" && owner === (this.excel.context.workbook as unknown))
          return this.application();
        return owner[camel(info.Name)];
      }
      case 5: {
        const owner = parent();
        const key = this.args(info, resolve)[0];
        if (typeof owner.getItem === "function") return (owner.getItem as (k: unknown) => unknown)(key);
        throw new RichApiError("ApiNotFound", `no indexer on this collection (key ${String(key)})`);
      }
      case 6: {
        if (!this.references.has(info.Name)) throw new RichApiError("InvalidObjectPath", `no reference ${info.Name}`);
        return this.references.get(info.Name);
      }
      case 7:
        return null;
      default:
        throw new RichApiError("InvalidRequest", `object path type ${info.ObjectPathType}`);
    }
  }

  private application(): unknown {
    const root = this.excel.context as unknown as {
      application: { suspendApiCalculationUntilNextSync(): void };
      workbook: { application: { calculate(type: string): void } };
    };
    return {
      suspendApiCalculationUntilNextSync: () => root.application.suspendApiCalculationUntilNextSync(),
      calculate: (type: string) => root.workbook.application.calculate(type),
    };
  }

  /** Executes one action now; returns how to read its result once the fake has synced, if it has one. */
  private act(action: ActionInfo, body: RichApiRequest, resolve: (id: number) => unknown): (() => unknown) | undefined {
    const target = resolve(action.ObjectPathId) as Record<string, unknown> | null;
    const path = body.ObjectPaths[String(action.ObjectPathId)];
    switch (action.ActionType) {
      case 1: {
        if (target === null) return () => null;
        if (path?.ObjectPathType === 3 && CREATES.test(path.Name)) {
          const id = `ref-${this.nextReference++}`;
          this.references.set(id, target);
          return () => ({ _ReferenceId: id });
        }
        return () => ("isNullObject" in target && target.isNullObject === true ? null : {});
      }
      case 2: {
        if (target === null) return () => null;
        const select = action.QueryInfo?.Select ?? [];
        const load = target.load;
        if (typeof load === "function") (load as (p: string) => unknown).call(target, select.join(","));
        return () => project(target, select);
      }
      case 3: {
        if (target === null) throw new RichApiError("InvalidObjectPath", `${action.Name} on a null object`);
        // The library's own checks before it splits a large write (_ValidateArraySize): nothing to do here.
        if (action.Name.startsWith("_")) return () => null;
        const method = target[camel(action.Name)];
        if (typeof method !== "function")
          throw new RichApiError("ApiNotFound", `${action.Name} is not a method of this object`);
        const returned = (method as (...a: unknown[]) => unknown)(...this.args(action, resolve));
        return () => resultValue(returned);
      }
      case 4: {
        if (target === null) throw new RichApiError("InvalidObjectPath", `${action.Name} on a null object`);
        target[camel(action.Name)] = this.args(action, resolve)[0];
        return undefined;
      }
      case 5:
        return undefined;
      default:
        throw new RichApiError("InvalidRequest", `action type ${action.ActionType}`);
    }
  }
}

/** A method's result as the library reads it: a ClientResult's value (the fake returns `{ value }`), or plain. */
function resultValue(returned: unknown): unknown {
  if (returned && typeof returned === "object" && "value" in returned) return (returned as { value: unknown }).value;
  return returned ?? null;
}

/** The key an item is found by in its collection: a worksheet's, table's or name's name, an XML part's id. */
function itemKey(item: Record<string, unknown>): unknown {
  for (const key of ["name", "id"]) {
    try {
      const value = item[key];
      if (typeof value === "string") return value;
    } catch {
      // not loaded in the fake: try the next key
    }
  }
  return undefined;
}

/**
 * The selected properties of an object, PascalCase, as Excel returns them: "name", "worksheet/name" (a
 * navigation property); on a collection the library sends its items' properties ("items/name" → "name") and the
 * answer lists the items under `_Items`.
 */
function project(target: Record<string, unknown>, select: readonly string[]): unknown {
  if ("items" in target) {
    const items = target.items as Record<string, unknown>[];
    // Each item carries its key as `_Id`, as Excel's answers do: the library then addresses the item through the
    // collection's indexer (getItem) in later requests.
    return { _Items: items.map((item) => ({ ...(projectObject(item, select) as object), _Id: itemKey(item) })) };
  }
  return projectObject(target, select);
}

function projectObject(target: Record<string, unknown>, select: readonly string[]): unknown {
  const out: Record<string, unknown> = {};
  for (const entry of select) {
    const [head, ...rest] = entry.split("/");
    if (!head) continue;
    const value = target[head];
    if (rest.length > 0) {
      const prior = (out[pascal(head)] as Record<string, unknown> | undefined) ?? {};
      out[pascal(head)] = {
        ...prior,
        ...(projectObject(value as Record<string, unknown>, [rest.join("/")]) as object),
      };
    } else {
      out[pascal(head)] = value;
    }
  }
  return out;
}
