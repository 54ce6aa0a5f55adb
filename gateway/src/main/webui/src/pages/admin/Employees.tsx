import { useState } from "react";
import { api, ifMatch, must, type Schemas } from "../../api/client";
import { ActionButton, ActionForm } from "../../components/Action";
import { DataTable } from "../../components/DataTable";
import { Input } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { dateTime, useTenant } from "../../format";
import { useLoad } from "../../hooks";

/** The people whose time is captured, and the logins linked to them. */
export function Employees() {
  const [load, reload] = useLoad(() => must(api.GET("/api/time/employees", { params: { query: { size: 1000 } } })), []);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [team, setTeam] = useState("");
  const [selected, setSelected] = useState<Schemas["Employee"]>();
  return (
    <Page title="Employees" intro="A login links to its employee on its first call by verified email, or by a user name you enter here.">
      <ActionForm
        label="Add employee"
        done="Employee added."
        submit={() =>
          must(api.POST("/api/time/employees", { body: { name, email, team: team || undefined } })).then(() => {
            setName("");
            setEmail("");
            setTeam("");
            reload();
          })
        }
      >
        <Input label="Name" value={name} onChange={setName} required />
        <Input label="Email" type="email" value={email} onChange={setEmail} required />
        <Input label="Team" value={team} onChange={setTeam} />
      </ActionForm>
      <Loaded load={load}>
        {(page) => (
          <DataTable
            caption="Employees"
            rows={page.items}
            rowKey={(row) => row.id ?? 0}
            columns={[
              { label: "Name", cell: (row) => row.name },
              { label: "Email", cell: (row) => row.email },
              { label: "Team", cell: (row) => row.team ?? "—" },
              { label: "Login", cell: (row) => row.loginUsername ?? (row.subject ? "linked" : "none yet") },
              { label: "Active", cell: (row) => (row.active ? "yes" : "no") },
              { label: "", cell: (row) => <button type="button" className="secondary" onClick={() => setSelected(row)}>Logins…</button> },
            ]}
          />
        )}
      </Loaded>
      {selected && <Logins employee={selected} changed={reload} />}
    </Page>
  );
}

function Logins({ employee, changed }: { employee: Schemas["Employee"]; changed: () => void }) {
  const tenant = useTenant();
  const [username, setUsername] = useState("");
  const [history, reload] = useLoad(
    () => must(api.GET("/api/time/employees/{id}/logins", { params: { path: { id: employee.id! }, query: { size: 100 } } })),
    [employee.id],
  );
  return (
    <section className="card" aria-label={`Logins of ${employee.name}`}>
      <h2>Logins of {employee.name}</h2>
      <ActionForm
        label="Link user name"
        done="Linked: that user's next call completes the link."
        submit={() =>
          must(api.PUT("/api/time/employees/{id}/login", { params: { path: { id: employee.id! }, header: ifMatch(employee.version) }, body: { username } })).then(() => {
            reload();
            changed();
          })
        }
      >
        <Input label="Keycloak user name" value={username} onChange={setUsername} required />
      </ActionForm>
      <ActionButton
        label="Unlink login"
        className="secondary"
        run={() => must(api.DELETE("/api/time/employees/{id}/login", { params: { path: { id: employee.id! }, header: ifMatch(employee.version) } })).then(() => {
          reload();
          changed();
        })}
      />
      <Loaded load={history} empty={(page) => page.items.length === 0} emptyText="No login has been linked yet.">
        {(page) => (
          <DataTable
            caption="Login history"
            rows={page.items}
            rowKey={(row, i) => `${row.subject}-${i}`}
            columns={[
              { label: "Login", cell: (row) => row.subject },
              { label: "Linked", cell: (row) => `${dateTime(row.linkedAt, tenant.timeZone)} by ${row.linkedBy}` },
              { label: "Unlinked", cell: (row) => (row.unlinkedAt ? `${dateTime(row.unlinkedAt, tenant.timeZone)} by ${row.unlinkedBy}` : "—") },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}
