/**
 * Where the host has no custom-functions runtime — an Excel without CustomFunctionsRuntime 1.1 (volume-licensed
 * 2016/2019), a plain browser, or a page where office.js did not load — the `CustomFunctions.associate` calls
 * that CustomFunctionsMetadataPlugin appends to functions.js would throw `CustomFunctions is not defined` and stop
 * the shared page's scripts. This module is imported first, so before those calls run it puts an inert
 * `associate` in place; where a runtime exists (office.js defines `CustomFunctions`) it changes nothing.
 */
const scope = globalThis as { CustomFunctions?: { associate?: unknown } };
if (typeof scope.CustomFunctions?.associate !== "function") {
  scope.CustomFunctions = Object.assign(scope.CustomFunctions ?? {}, { associate: () => undefined });
}

export {};
