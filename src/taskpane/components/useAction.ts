import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "../errors";
import { useI18n } from "../i18n";

/**
 * Runs one async action at a time for a panel: `busy` while it runs (buttons disable), and a failure becomes
 * `error`, a sentence for the panel's MessageBar (the raw error also goes to the console for debugging). A panel
 * whose own errors need their own words passes `describe` (undefined: the pane's common sentence).
 */
export function useAction(describe?: (error: unknown) => string | undefined) {
  const { t } = useI18n();
  const own = useRef(describe);
  own.current = describe;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await work();
      } catch (caught) {
        console.error(caught);
        if (mounted.current) setError(own.current?.(caught) ?? describeError(caught, t));
        return undefined;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [t],
  );

  return { busy, error, setError, run, clearError: useCallback(() => setError(null), []) };
}
