/**
 * Issue 18, class 10: a production build without ADDIN_PROD_URL fails instead of pointing the manifest at a
 * placeholder. The webpack config is loaded afresh for each case (it reads the variable when called).
 */
import path from "node:path";

const root = path.resolve(__dirname, "../..");

async function productionConfig(url: string | undefined): Promise<unknown> {
  const previous = process.env.ADDIN_PROD_URL;
  if (url === undefined) delete process.env.ADDIN_PROD_URL;
  else process.env.ADDIN_PROD_URL = url;
  try {
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(root, "webpack.config.js")) as (env: object, o: object) => Promise<unknown>;
    return await config({}, { mode: "production" });
  } finally {
    if (previous === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = previous;
  }
}

describe("production build origin", () => {
  it.each([[undefined], [""], ["http://addin.example.gov.cn/"], ["addin.example.gov.cn"], ["https://"]])(
    "ADDIN_PROD_URL=%j: the build refuses, naming the variable",
    async (url) => {
      await expect(productionConfig(url)).rejects.toThrow(/ADDIN_PROD_URL/);
    },
  );

  it("an https origin builds", async () => {
    await expect(productionConfig("https://addin.example.gov.cn/zc")).resolves.toBeDefined();
  });
});
