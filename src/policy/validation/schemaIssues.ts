import type { ErrorObject } from "ajv";
import { pointerToPath, type Issue } from "./issues";

const TYPE_NAMES: Record<string, string> = {
  number: "数字",
  integer: "整数",
  string: "文字",
  array: "数组",
  object: "对象",
  boolean: "true 或 false",
  null: "null",
};

const typeName = (type: unknown): string =>
  (Array.isArray(type) ? type : [type]).map((t) => TYPE_NAMES[String(t)] ?? String(t)).join("或");

const join = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);

/** One ajv error in Chinese, at the place it names; keywords the schema does not use fall back to ajv's words. */
function toIssue(error: ErrorObject): Issue {
  const path = pointerToPath(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return { path, message: `应为${typeName(p.type)}` };
    case "required":
      return { path: join(path, String(p.missingProperty)), message: "缺失(必填)" };
    case "dependencies":
      return {
        path: join(path, String(p.missingProperty)),
        message: `缺失(有 ${String(p.property)} 时必填:支持总额与其原文一并给出或一并省略)`,
      };
    case "additionalProperties":
      return { path: join(path, String(p.additionalProperty)), message: "不是版本文件的字段(拼写错误?)" };
    case "const":
      return path === "schemaVersion"
        ? { path, message: `应为 ${String(p.allowedValue)}(本程序只读此版本格式)` }
        : { path, message: `应为 ${JSON.stringify(p.allowedValue)}` };
    case "enum":
      return { path, message: `应为以下之一:${(p.allowedValues as unknown[]).map(String).join("、")}` };
    case "pattern":
      if (path.endsWith("Date") || /\.(from|to)$/.test(path)) return { path, message: "应为日期 yyyy-mm-dd" };
      if (/(^|\.)id$/.test(path)) return { path, message: "应只含小写字母、数字和连字符(如 art01-hitech-firms)" };
      return { path, message: "格式不正确" };
    case "minLength":
      return { path, message: "不能为空" };
    case "maxLength":
      return { path, message: `过长(最多 ${String(p.limit)} 字)` };
    case "minItems":
      return { path, message: `至少应有 ${String(p.limit)} 项` };
    case "maxItems":
      return { path, message: `过多(最多 ${String(p.limit)} 项)` };
    case "minimum":
      return { path, message: `应不小于 ${String(p.limit)}` };
    case "maximum":
      return { path, message: `应不大于 ${String(p.limit)}` };
    default:
      return { path, message: `不符合格式(${error.message ?? error.keyword})` };
  }
}

/** ajv's errors as issues, one per place (the first problem there), in file order. */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const error of errors ?? []) {
    const issue = toIssue(error);
    if (seen.has(issue.path)) continue;
    seen.add(issue.path);
    out.push(issue);
  }
  return out;
}
