import { useState } from "react";
import { api, ifMatch, must } from "../../api/client";
import { ActionButton, ActionForm } from "../../components/Action";
import { DataTable } from "../../components/DataTable";
import { Input } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { useLoad } from "../../hooks";

/** The BPO's client accounts that time can be logged against. */
export function Clients() {
  const [load, reload] = useLoad(() => must(api.GET("/api/time/clients", { params: { query: { includeInactive: true, size: 1000 } } })), []);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  return (
    <Page title="Clients" intro="Client accounts: time logged against one counts in its margin; time logged against none is shared.">
      <ActionForm
        label="Add client"
        done="Client added."
        submit={() =>
          must(api.POST("/api/time/clients", { body: { code, name } })).then(() => {
            setCode("");
            setName("");
            reload();
          })
        }
      >
        <Input label="Client code" value={code} onChange={(v) => setCode(v.toUpperCase())} required />
        <Input label="Client name" value={name} onChange={setName} required />
      </ActionForm>
      <Loaded load={load} empty={(page) => page.items.length === 0} emptyText="No client accounts yet.">
        {(page) => (
          <DataTable
            caption="Client accounts"
            rows={page.items}
            rowKey={(row) => row.code ?? ""}
            rowLabel={(row) => row.code ?? ""}
            columns={[
              { label: "Code", cell: (row) => <code>{row.code}</code> },
              { label: "Name", cell: (row) => row.name },
              { label: "Active", cell: (row) => (row.active ? "yes" : "no") },
              {
                label: "",
                cell: (row) => (
                  <ActionButton
                    label={row.active ? "Deactivate" : "Activate"}
                    className="secondary"
                    run={() =>
                      must(api.PUT("/api/time/clients/{code}", {
                        params: { path: { code: row.code! }, header: ifMatch(row.version) },
                        body: { name: row.name!, active: !row.active },
                      })).then(reload)
                    }
                  />
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}
