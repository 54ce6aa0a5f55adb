import { useEffect, useState } from "react";
import { api, must, type Schemas } from "../../api/client";
import { ActionForm } from "../../components/Action";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { Field, Select } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { dateTime, number, useTenant, words } from "../../format";
import { useLoad } from "../../hooks";

type Job = Schemas["ImportJob"];
const finished = new Set(["DONE", "REJECTED", "FAILED"]);

/** Time entries from a file (CSV or JSON Lines) as a job: its progress, its outcome, and the report of rejected rows. */
export function Imports() {
  const tenant = useTenant();
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<"ALL_OR_NOTHING" | "VALID_ROWS" | "DRY_RUN">("DRY_RUN");
  const [job, setJob] = useState<Job>();
  const [history, reloadHistory] = useLoad(() => must(api.GET("/api/time/entries/imports", { params: { query: { size: 20 } } })), []);

  useEffect(() => {
    if (!job?.id || finished.has(job.state ?? "")) {
      reloadHistory();
      return;
    }
    const poll = window.setTimeout(async () => {
      setJob(await must(api.GET("/api/time/entries/imports/{id}", { params: { path: { id: job.id! } } })));
    }, 1000);
    return () => window.clearTimeout(poll);
  }, [job]);

  async function upload() {
    if (!file) throw new Error("Choose a file first");
    const jsonLines = /\.(jsonl|ndjson)$/i.test(file.name);
    setJob(
      await must(
        api.POST("/api/time/entries/imports", {
          params: { query: { mode } },
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { "Content-Type": jsonLines ? "application/x-ndjson" : "text/csv" },
        }) as Promise<{ data?: Job; error?: unknown; response: Response }>,
      ),
    );
  }

  return (
    <Page
      title="Imports"
      intro="A file of time entries, checked row by row against every rule before anything is written. Try a dry run first."
    >
      <ActionForm label="Start import" submit={upload}>
        <Field label="File (CSV with a header line, or JSON Lines)">
          {(id) => <input id={id} type="file" accept=".csv,.jsonl,.ndjson,text/csv" onChange={(event) => setFile(event.target.files?.[0])} />}
        </Field>
        <Select
          label="Mode"
          value={mode}
          onChange={(value) => setMode(value as typeof mode)}
          options={[
            { value: "DRY_RUN", label: "Dry run: check, write nothing" },
            { value: "ALL_OR_NOTHING", label: "All or nothing" },
            { value: "VALID_ROWS", label: "Write the valid rows" },
          ]}
        />
      </ActionForm>
      {job && <JobProgress job={job} />}
      <Loaded load={history} empty={(page) => page.items.length === 0} emptyText="No imports yet.">
        {(page) => (
          <DataTable
            caption="Recent imports"
            rows={page.items}
            rowKey={(row) => row.id ?? ""}
            columns={[
              { label: "Started", cell: (row) => dateTime(row.createdAt, tenant.timeZone) },
              { label: "Mode", cell: (row) => words(row.mode) },
              { label: "State", cell: (row) => words(row.state) },
              { label: "Read", numeric: true, cell: (row) => number(row.rowsRead, 0) },
              { label: "Written", numeric: true, cell: (row) => number(row.rowsWritten, 0) },
              { label: "Rejected", numeric: true, cell: (row) => number(row.rowsRejected, 0) },
              { label: "Outcome", cell: (row) => row.message },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}

function JobProgress({ job }: { job: Job }) {
  return (
    <section className="card" aria-label="Import progress">
      <h2>Import {words(job.state)}</h2>
      <progress max={100} value={job.percent ?? 0} aria-label="Import progress" /> {number(job.percent, 0)} %
      <p>
        Read {number(job.rowsRead, 0)}, checked {number(job.rowsChecked, 0)}, written {number(job.rowsWritten, 0)}
        {job.mode === "DRY_RUN" && `, writable ${number(job.rowsWritable, 0)}`}, already present {number(job.rowsAlreadyPresent, 0)}, rejected{" "}
        {number(job.rowsRejected, 0)}.
      </p>
      {job.message && <p role="status">{job.message}</p>}
      {(job.rowsRejected ?? 0) > 0 && finished.has(job.state ?? "") && (
        <CsvButton path={`/api/time/entries/imports/${job.id}/rejections`} query={{}} fileName={`import-${job.id}-rejections.csv`} />
      )}
    </section>
  );
}
