/**
 * What the page's boot decides, as pure functions (boot.ts does the DOM): which build an engine gets, which scripts
 * that build loads, and what the page says when one of them fails. ES5-clean like boot.ts.
 */

export type Build = "main" | "legacy";

export type FailureReason = "error" | "stalled" | "not-started";

/** Microsoft's check for the old webviews: Trident (IE 11) and EdgeHTML ("Edge/…"; Chromium Edge says "Edg/"). */
export function isOldWebview(userAgent: string): boolean {
  return userAgent.indexOf("Trident") !== -1 || userAgent.indexOf("Edge/") !== -1;
}

/** The build for this page: `?build=legacy` or `?build=main` wins, then the webview test. */
export function chooseBuild(userAgent: string, search: string): Build {
  const forced = /[?&]build=(legacy|main)(&|$)/.exec(search);
  if (forced) return forced[1] === "legacy" ? "legacy" : "main";
  return isOldWebview(userAgent) ? "legacy" : "main";
}

/** The scripts of a build, in the order they run. */
export function scriptsOf(build: Build): string[] {
  return build === "legacy" ? ["legacy.js"] : ["functions.js", "taskpane.js"];
}

/** The message that replaces "正在加载…", in Chinese first: what happened and what to do. */
export function failureMessage(script: string, reason: FailureReason): string[] {
  const what =
    reason === "stalled"
      ? "政策目标加载超时:脚本 " + script + " 长时间没有下载完成。"
      : reason === "not-started"
        ? "政策目标未能启动:脚本 " + script + " 已下载,但此 Excel 的浏览器组件无法运行它。"
        : "政策目标未能加载:脚本 " + script + " 下载或运行失败。";
  return [
    what,
    "请关闭此任务窗格后重新打开;仍不行时,请确认本机能访问加载项所在的服务器(内网部署见 README“内网部署”),或把这段文字发给管理员。",
    "没有加载项也可以用命令行生成同样的工作簿:npm run -s cli -- template --out 政策目标.xlsx",
    reason === "stalled"
      ? "The add-in's script " + script + " did not finish loading. Close and reopen the pane; check the add-in server."
      : "The add-in's script " + script + " failed to load or run. Close and reopen the pane; check the add-in server.",
  ];
}
