import { useCallback, useEffect, useState } from "react";
import { ProblemError } from "./api/client";

export type Load<T> =
  | { state: "loading" }
  | { state: "failed"; error: ProblemError }
  | { state: "ready"; data: T };

/** Loads data for a view whenever its inputs change; a later answer replaces an earlier one, never the reverse. */
export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  const stableLoad = useCallback(load, inputs);
  useEffect(() => {
    let current = true;
    setResult({ state: "loading" });
    stableLoad().then(
      (data) => current && setResult({ state: "ready", data }),
      (error: unknown) =>
        current && setResult({ state: "failed", error: error instanceof ProblemError ? error : new ProblemError({ title: String(error) }) }),
    );
    return () => {
      current = false;
    };
  }, [stableLoad, round]);
  return [result, () => setRound((r) => r + 1)];
}
