import { useState } from "react";
import { api, ifMatch, must, type Schemas } from "../../api/client";
import { ActionButton, ActionForm } from "../../components/Action";
import { DataTable } from "../../components/DataTable";
import { Input, Select } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { number, words } from "../../format";
import { useLoad } from "../../hooks";

/** The benchmark bands each function is judged by: the seed's, scaled to the operation, or the tenant's own. */
export function Bands() {
  const [load, reload] = useLoad(() => must(api.GET("/api/metrics/benchmarks", { params: { query: { size: 1000 } } })), []);
  const [editing, setEditing] = useState<Schemas["FunctionBenchmark"]>();
  return (
    <Page title="Benchmark bands" intro="Efficient below, reasonable between, slow above; scaled linearly to the operation's size when a scale is set.">
      <Loaded load={load}>
        {(page) => (
          <DataTable
            caption="Bands"
            rows={page.items}
            rowKey={(row) => row.functionCode ?? ""}
            columns={[
              { label: "Function", cell: (row) => row.functionName },
              { label: "Measured as", cell: (row) => words(row.bands?.basis) },
              { label: "Efficient below", numeric: true, cell: (row) => number(row.bands?.efficientBelow) },
              { label: "Reasonable", numeric: true, cell: (row) => `${number(row.bands?.reasonableFrom)}–${number(row.bands?.reasonableTo)}` },
              { label: "Slow above", numeric: true, cell: (row) => number(row.bands?.slowAbove) },
              { label: "Scaled by", cell: (row) => (row.bands?.scale === "NONE" ? "—" : `${words(row.bands?.scale)} (per ${row.bands?.referenceSize})`) },
              { label: "Source", cell: (row) => (row.bands?.standard ? "standard" : "this tenant's") },
              {
                label: "",
                cell: (row) => (
                  <span className="row-actions">
                    <button type="button" className="secondary" onClick={() => setEditing(row)}>Change…</button>
                    {row.bands && !row.bands.standard && (
                      <ActionButton label="Back to standard" className="secondary" run={() => must(api.DELETE("/api/metrics/benchmarks/{functionCode}", { params: { path: { functionCode: row.functionCode! }, header: ifMatch(row.version) } })).then(reload)} />
                    )}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {editing && <BandForm key={editing.functionCode} benchmark={editing} saved={() => { setEditing(undefined); reload(); }} />}
    </Page>
  );
}

function BandForm({ benchmark, saved }: { benchmark: Schemas["FunctionBenchmark"]; saved: () => void }) {
  const bands = benchmark.bands;
  const [basis, setBasis] = useState<string>(bands?.basis ?? "HOURS_PER_UNIT");
  const [scale, setScale] = useState<string>(bands?.scale ?? "NONE");
  const [referenceSize, setReferenceSize] = useState(String(bands?.referenceSize ?? ""));
  const [efficientBelow, setEfficientBelow] = useState(String(bands?.efficientBelow ?? ""));
  const [reasonableFrom, setReasonableFrom] = useState(String(bands?.reasonableFrom ?? ""));
  const [reasonableTo, setReasonableTo] = useState(String(bands?.reasonableTo ?? ""));
  const [slowAbove, setSlowAbove] = useState(String(bands?.slowAbove ?? ""));
  return (
    <section className="card" aria-label={`Bands of ${benchmark.functionName}`}>
      <h2>Bands of {benchmark.functionName}</h2>
      <ActionForm
        label="Save bands"
        submit={() =>
          must(api.PUT("/api/metrics/benchmarks/{functionCode}", {
            params: { path: { functionCode: benchmark.functionCode! }, header: ifMatch(benchmark.version) },
            body: {
              basis: basis as Schemas["Basis"],
              scale: scale as Schemas["Scale"],
              referenceSize: referenceSize ? Number(referenceSize) : undefined,
              efficientBelow: Number(efficientBelow),
              reasonableFrom: Number(reasonableFrom),
              reasonableTo: Number(reasonableTo),
              slowAbove: Number(slowAbove),
            },
          })).then(saved)
        }
      >
        <Select label="Measured as" value={basis} onChange={setBasis} options={["HOURS_PER_UNIT", "MINUTES_PER_UNIT", "HOURS_PER_WEEK"].map((b) => ({ value: b, label: words(b) }))} />
        <Select label="Scaled by" value={scale} onChange={setScale} options={["NONE", "AGENTS", "EMPLOYEES"].map((s) => ({ value: s, label: words(s) }))} />
        {scale !== "NONE" && <Input label="Reference size" type="number" value={referenceSize} onChange={setReferenceSize} />}
        <Input label="Efficient below" type="number" step="any" value={efficientBelow} onChange={setEfficientBelow} required />
        <Input label="Reasonable from" type="number" step="any" value={reasonableFrom} onChange={setReasonableFrom} required />
        <Input label="Reasonable to" type="number" step="any" value={reasonableTo} onChange={setReasonableTo} required />
        <Input label="Slow above" type="number" step="any" value={slowAbove} onChange={setSlowAbove} required />
      </ActionForm>
    </section>
  );
}
