import { useCallback, useEffect, useRef, useState } from "react";
import { describeError } from "../errors";
import { useI18n } from "../i18n";

/**
 * Runs one async action at a time for a panel: `busy` while it runs (buttons disable), and a failure becomes
 * `error`, a sentence for the panel's MessageBar (the raw error also goes to the console for debugging).
 */
export function useAction() {
  const { t } = useI18n();
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
        if (mounted.current) setError(describeError(caught, t));
        return undefined;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [t],
  );

  return { busy, error, setError, run, clearError: useCallback(() => setError(null), []) };
}
