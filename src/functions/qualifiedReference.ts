/**
 * A first argument that names its edition, `"yueqing-2025/art01-hitech-firms"`: the part before the first "/" is an
 * edition id when it has the shape of one (lowercase letters, digits and hyphens, with at least one letter). A date
 * written with slashes (`2025/6/30`, which `ZC.TIMEPROGRESS` accepts) has only digits before its first slash, so it
 * is never taken for an edition.
 *
 * @example
 * parseQualifiedReference("yueqing-2025/art01-hitech-firms") // { editionId: "yueqing-2025", reference: "art01-hitech-firms" }
 * parseQualifiedReference("2025/6/30") // undefined
 */
export function parseQualifiedReference(text: string): { editionId: string; reference: string } | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const editionId = text.slice(0, slash).trim();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(editionId) || !/[a-z]/i.test(editionId)) return undefined;
  return { editionId, reference: text.slice(slash + 1) };
}
