// The edition importer: pure (no Office, no React, no Node APIs), used alike by the CLI and the task pane.
export * from "./types";
export { importEdition, MAX_IMPORT_CHARS } from "./importEdition";
export { normalizeText } from "./normalize";
export { assignIds, similarity, slugOf } from "./ids";
