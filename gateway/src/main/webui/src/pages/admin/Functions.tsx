import { useState } from "react";
import { api, must } from "../../api/client";
import { ActionButton, ActionForm } from "../../components/Action";
import { DataTable } from "../../components/DataTable";
import { Input } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { day } from "../../format";
import { useLoad } from "../../hooks";

/** The functions time is logged against: the standard catalog and the tenant's own; retire what is no longer done. */
export function Functions() {
  const [load, reload] = useLoad(() => must(api.GET("/api/time/functions", { params: { query: { includeRetired: true, size: 1000 } } })), []);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [outputUnit, setOutputUnit] = useState("");
  return (
    <Page title="Functions" intro="What back-office time is spent on, and the output each function produces.">
      <ActionForm
        label="Add function"
        done="Function added."
        submit={() =>
          must(api.POST("/api/time/functions", { body: { code, details: { name, outputUnit: outputUnit || undefined } } })).then(() => {
            setCode("");
            setName("");
            setOutputUnit("");
            reload();
          })
        }
      >
        <Input label="Code" value={code} onChange={(v) => setCode(v.toUpperCase())} hint="Capitals, digits and _" required />
        <Input label="Name" value={name} onChange={setName} required />
        <Input label="Output unit" value={outputUnit} onChange={setOutputUnit} hint="What one unit of its output is" />
      </ActionForm>
      <Loaded load={load}>
        {(page) => (
          <DataTable
            caption="Functions"
            rows={page.items}
            rowKey={(row) => row.code ?? ""}
            rowLabel={(row) => row.code ?? ""}
            columns={[
              { label: "Code", cell: (row) => <code>{row.code}</code> },
              { label: "Name", cell: (row) => row.name },
              { label: "Output unit", cell: (row) => row.outputUnit ?? "—" },
              { label: "Quality check", cell: (row) => row.qualityCheck ?? "—" },
              { label: "Retired", cell: (row) => (row.retiredAt ? day(row.retiredAt.slice(0, 10)) : "—") },
              {
                label: "",
                cell: (row) =>
                  row.retiredAt ? (
                    <ActionButton label="Reinstate" className="secondary" run={() => must(api.POST("/api/time/functions/{code}/reinstate", { params: { path: { code: row.code! } } })).then(reload)} />
                  ) : (
                    <ActionButton label="Retire" className="secondary" run={() => must(api.POST("/api/time/functions/{code}/retire", { params: { path: { code: row.code! } } })).then(reload)} />
                  ),
              },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}
