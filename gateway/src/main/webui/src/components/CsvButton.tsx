import { useState } from "react";
import { downloadCsv, ProblemError } from "../api/client";
import { ProblemView } from "./Page";

/** Downloads the report on screen as the API's CSV of the same operation and parameters. */
export function CsvButton({ path, query, fileName }: { path: string; query: Record<string, string | number | undefined>; fileName: string }) {
  const [error, setError] = useState<ProblemError>();
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    setError(undefined);
    try {
      await downloadCsv(path, query, fileName);
    } catch (failure) {
      setError(failure as ProblemError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="secondary" onClick={download} disabled={busy}>
        {busy ? "Preparing CSV…" : "Download CSV"}
      </button>
      <ProblemView error={error} />
    </>
  );
}
