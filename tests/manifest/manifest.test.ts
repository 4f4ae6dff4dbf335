/** @jest-environment jsdom */
/**
 * The offline check of manifest.xml (`npm run validate` is the online one): parsed with a real XML parser (jsdom's
 * DOMParser, namespace-aware and strict about well-formedness), then the rules Office enforces when it sideloads —
 * element order, resource ids, the shared runtime, https URLs on our own origin — and the zh-cn overrides.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const ORIGIN = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent}`);
  return doc;
}

const doc = parse(xml);
const officeApp = doc.documentElement;
const all = (ns: string, name: string, within: Element | Document = doc) => [
  ...within.getElementsByTagNameNS(ns, name),
];
const one = (ns: string, name: string, within: Element | Document = doc): Element => {
  const found = all(ns, name, within);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as Element;
};
const children = (el: Element) => [...el.children];
const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, "type");

/** OfficeApp's sequence (OfficeAppManifestv1.1.xsd: OfficeApp, extended by TaskPaneApp). */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

const resources = one(NS.ov, "Resources");
const definitions = (group: string) =>
  new Map(
    all(NS.bt, group === "Images" ? "Image" : group === "Urls" ? "Url" : "String", one(NS.bt, group, resources)).map(
      (el) => [el.getAttribute("id") ?? "", el],
    ),
  );
const images = definitions("Images");
const urls = definitions("Urls");
const shortStrings = definitions("ShortStrings");
const longStrings = definitions("LongStrings");

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(() => parse("<OfficeApp><Id></OfficeApp>")).toThrow(/not well-formed/); // the parser is strict
    expect(officeApp.localName).toBe("OfficeApp");
    expect(officeApp.namespaceURI).toBe(NS.app);
    expect(xsiType(officeApp)).toBe("TaskPaneApp");
  });

  it("orders OfficeApp's children as the schema requires, with every required one", () => {
    const names = children(officeApp).map((el) => el.localName);
    for (const name of REQUIRED) expect(names).toContain(name);
    const positions = names.map((name) => OFFICE_APP_ORDER.indexOf(name));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
  });

  it("has a fixed GUID, a four-part version, the Workbook host and ReadWriteDocument", () => {
    expect(one(NS.app, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(one(NS.app, "Id").textContent).toBe("892c4da5-6bb0-4c9f-bce7-83d4dcc74a52");
    expect(one(NS.app, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const hosts = children(children(officeApp).find((el) => el.localName === "Hosts") as Element);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(one(NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("gates only the overrides on the shared runtime and custom functions, so older Excel gets the base task pane", () => {
    // Under OfficeApp, <Requirements> decides whether the add-in appears at all; under VersionOverrides only whether
    // the overrides apply (https://learn.microsoft.com/javascript/api/manifest/requirements).
    expect(children(officeApp).some((el) => el.localName === "Requirements")).toBe(false);
    const overrides = one(NS.ov, "VersionOverrides");
    const requirements = children(overrides).find((el) => el.localName === "Requirements");
    expect(requirements?.namespaceURI).toBe(NS.ov);
    const sets = all(NS.bt, "Set", requirements);
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
      ["SharedRuntime", "1.1"],
      ["CustomFunctionsRuntime", "1.1"],
    ]);
    // The fallback: the base manifest's own task pane is the same page.
    expect(one(NS.app, "SourceLocation", one(NS.app, "DefaultSettings")).getAttribute("DefaultValue")).toBe(
      `${ORIGIN}taskpane.html`,
    );
  });

  it("defines every resid it uses, in the right resource group, each id once and ≤ 32 characters", () => {
    const used = all("*", "*").filter((el) => el.hasAttribute("resid"));
    expect(used.length).toBeGreaterThan(10);
    for (const el of used) {
      const id = el.getAttribute("resid") ?? "";
      expect(id.length).toBeLessThanOrEqual(32);
      const group =
        el.localName === "Image"
          ? images
          : ["SourceLocation", "Runtime", "LearnMoreUrl", "FunctionFile"].includes(el.localName)
            ? urls
            : ["Label", "Title", "Namespace"].includes(el.localName)
              ? shortStrings
              : el.localName === "Description"
                ? longStrings
                : undefined;
      if (!group) throw new Error(`<${el.localName} resid="${id}"> has no known resource group`);
      if (!group.has(id)) throw new Error(`<${el.localName} resid="${id}"> is not defined in its resource group`);
    }
    const ids = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("shares one runtime between the pane and the custom functions (same resid everywhere)", () => {
    const host = all(NS.ov, "Host").find((h) => xsiType(h) === "Workbook") as Element;
    const runtimes = one(NS.ov, "Runtimes", host);
    expect(children(host)[0]).toBe(runtimes); // Runtimes comes first in the Host
    const runtime = one(NS.ov, "Runtime", runtimes);
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const resid = runtime.getAttribute("resid");
    expect(resid).toBe("Taskpane.Url");

    const cf = all(NS.ov, "ExtensionPoint", host).find((e) => xsiType(e) === "CustomFunctions") as Element;
    expect(children(cf).map((el) => el.localName)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    const sourceOf = (name: string) => one(NS.ov, "SourceLocation", one(NS.ov, name, cf)).getAttribute("resid");
    expect(sourceOf("Page")).toBe(resid);
    expect(one(NS.ov, "FunctionFile", host).getAttribute("resid")).toBe(resid);
    const action = one(NS.ov, "Action", host);
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(one(NS.ov, "SourceLocation", action).getAttribute("resid")).toBe(resid);
    expect(urls.get(resid ?? "")?.getAttribute("DefaultValue")).toBe(`${ORIGIN}taskpane.html`);
    expect(one(NS.app, "SourceLocation", one(NS.app, "DefaultSettings")).getAttribute("DefaultValue")).toBe(
      `${ORIGIN}taskpane.html`,
    );

    expect(urls.get(sourceOf("Script") ?? "")?.getAttribute("DefaultValue")).toBe(`${ORIGIN}functions.js`);
    const metadata = urls.get(sourceOf("Metadata") ?? "") as Element;
    expect(metadata.getAttribute("DefaultValue")).toBe(`${ORIGIN}functions.json`);
    const overrides = all(NS.bt, "Override", metadata);
    expect(overrides.map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])).toEqual([
      ["zh-cn", `${ORIGIN}functions-zh-cn.json`],
    ]);
    const ns = one(NS.ov, "Namespace", cf).getAttribute("resid") ?? "";
    expect(shortStrings.get(ns)?.getAttribute("DefaultValue")).toBe("ZC");
  });

  it("has a ribbon button on the Home tab that opens the pane", () => {
    const surface = all(NS.ov, "ExtensionPoint").find((e) => xsiType(e) === "PrimaryCommandSurface") as Element;
    expect(one(NS.ov, "OfficeTab", surface).getAttribute("id")).toBe("TabHome");
    const control = one(NS.ov, "Control", surface);
    expect(xsiType(control)).toBe("Button");
    expect(all(NS.bt, "Image", control).map((i) => i.getAttribute("size"))).toEqual(["16", "32", "80"]);
  });

  it("uses https URLs on the add-in's own origin only (and Office's CDN)", () => {
    const values = all("*", "*").flatMap((el) =>
      [...el.attributes]
        .filter((a) => a.namespaceURI !== "http://www.w3.org/2000/xmlns/" && /^[a-z][a-z0-9+.-]*:\/\//i.test(a.value))
        .map((a) => a.value),
    );
    expect(values.length).toBeGreaterThan(8);
    const allowed = new RegExp(`^(${[ORIGIN, OFFICE_CDN].map((o) => o.replace(/[.?/]/g, "\\$&")).join("|")})`);
    for (const url of values) expect(url).toMatch(allowed);
    for (const bad of ["http://localhost:3000/x", "https://localhost:3001/x", "https://evil.example/x"]) {
      expect(bad).not.toMatch(allowed);
    }
    // No http: anywhere outside the namespace declarations and comments.
    const body = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/xmlns(:\w+)?="[^"]*"/g, "");
    expect(body).not.toMatch(/http:\/\//);
  });

  it("points at real icons of the declared sizes, and ships 16, 32, 64, 80 and 128 px", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(root, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    const checks: [string | null, number][] = [
      [one(NS.app, "IconUrl").getAttribute("DefaultValue"), 32],
      [one(NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue"), 64],
      ...[...images.values()].map((i): [string | null, number] => [
        i.getAttribute("DefaultValue"),
        Number(i.getAttribute("id")?.match(/(\d+)x\1/)?.[1]),
      ]),
    ];
    for (const [url, size] of checks) {
      expect(url).toMatch(new RegExp(`^${ORIGIN}assets/icon-${size}\\.png$`));
      const file = path.join(root, (url ?? "").slice(ORIGIN.length));
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("shows Chinese to zh-cn users: 政策目标 and a zh-cn override on every string", () => {
    const overrideOf = (el: Element, ns: string) =>
      all(ns, "Override", el)
        .find((o) => o.getAttribute("Locale") === "zh-cn")
        ?.getAttribute("Value");
    expect(one(NS.app, "DefaultLocale").textContent).toBe("en-US");
    expect(overrideOf(one(NS.app, "DisplayName"), NS.app)).toBe("政策目标");
    expect(overrideOf(one(NS.app, "Description"), NS.app)).toMatch(/[\u4e00-\u9fff]/);
    for (const [id, el] of [...shortStrings, ...longStrings]) {
      if (id === "Functions.Namespace") continue; // ZC is the same in every language
      expect([id, overrideOf(el, NS.bt)]).toEqual([id, expect.stringMatching(/[\u4e00-\u9fff]/)]);
    }
  });

  it("keeps strings within the schema's lengths (short 125, long 250)", () => {
    const length = (el: Element) => [
      el.getAttribute("DefaultValue") ?? "",
      ...all("*", "Override", el).map((o) => o.getAttribute("Value") ?? ""),
    ];
    for (const el of [one(NS.app, "DisplayName"), ...shortStrings.values()])
      for (const s of length(el)) expect(s.length).toBeLessThanOrEqual(125);
    for (const el of [one(NS.app, "Description"), ...longStrings.values()])
      for (const s of length(el)) expect(s.length).toBeLessThanOrEqual(250);
  });

  it("is rewritten to the production URL by the production build", async () => {
    // The webpack config's CopyWebpackPlugin transform, run on the real manifest.
    const previous = process.env.ADDIN_PROD_URL;
    process.env.ADDIN_PROD_URL = "https://zc.example.org/addin";
    try {
      const transform = await manifestTransform();
      const out = String(transform(Buffer.from(xml), "manifest.xml"));
      expect(out).not.toContain("https://localhost");
      expect(out).toContain('DefaultValue="https://zc.example.org/addin/taskpane.html"');
      expect(parse(out).documentElement.localName).toBe("OfficeApp");
    } finally {
      if (previous === undefined) delete process.env.ADDIN_PROD_URL;
      else process.env.ADDIN_PROD_URL = previous;
    }
  });
});

/**
 * The manifest transform webpack.config.js applies in production. The config reads ADDIN_PROD_URL when it is
 * loaded, so it is loaded afresh; its plugins are stubbed (loading them needs the whole build toolchain).
 */
async function manifestTransform(): Promise<(content: Buffer, file: string) => string | Buffer> {
  let patterns: { from: string; transform?: (c: Buffer, f: string) => string | Buffer }[] = [];
  jest.resetModules();
  jest.doMock("copy-webpack-plugin", () =>
    jest.fn().mockImplementation((options: { patterns: typeof patterns }) => {
      patterns = options.patterns;
      return {};
    }),
  );
  for (const name of ["html-webpack-plugin", "custom-functions-metadata-plugin"]) {
    jest.doMock(name, () => jest.fn().mockImplementation(() => ({})));
  }
  jest.doMock(path.join(root, "scripts/functions-zh-cn-plugin"), () => jest.fn().mockImplementation(() => ({})));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(root, "webpack.config.js")) as (env: object, options: object) => Promise<unknown>;
  await config({}, { mode: "production" });
  const pattern = patterns.find((p) => p.from === "manifest.xml");
  if (!pattern?.transform) throw new Error("webpack.config.js has no manifest.xml transform");
  return pattern.transform;
}
