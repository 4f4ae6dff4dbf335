import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles shared by the panels. */
export const useSharedStyles = makeStyles({
  /** Fluent's Text keeps the browser's heading margins when rendered as h1/h2. */
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});
