import { useState } from "react";
import { api, must } from "../../api/client";
import { ActionButton, ActionForm } from "../../components/Action";
import { DataTable } from "../../components/DataTable";
import { Input, Select } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { day, money, today, useTenant, words } from "../../format";
import { useLoad } from "../../hooks";

/** Effective-dated labour rates: the tenant's, a team's or an employee's; a new rate ends the open one it follows. */
export function Rates() {
  const tenant = useTenant();
  const [load, reload] = useLoad(() => must(api.GET("/api/costing/rates", { params: { query: { size: 1000 } } })), []);
  const [scope, setScope] = useState<"TENANT" | "TEAM" | "EMPLOYEE">("TENANT");
  const [subject, setSubject] = useState("");
  const [validFrom, setValidFrom] = useState(today(tenant.timeZone));
  const [hourlyRate, setHourlyRate] = useState("");
  return (
    <Page title="Labour rates" intro="Each day's hours are costed at the most specific rate in force that day.">
      <ActionForm
        label="Add rate"
        done="Rate added."
        submit={() =>
          must(api.POST("/api/costing/rates", {
            body: {
              scope,
              team: scope === "TEAM" ? subject : undefined,
              employeeId: scope === "EMPLOYEE" ? Number(subject) : undefined,
              validFrom,
              hourlyRate: Number(hourlyRate),
            },
          })).then(reload)
        }
      >
        <Select label="Applies to" value={scope} onChange={(v) => setScope(v as typeof scope)} options={["TENANT", "TEAM", "EMPLOYEE"].map((s) => ({ value: s, label: words(s) }))} />
        {scope !== "TENANT" && <Input label={scope === "TEAM" ? "Team" : "Employee id"} value={subject} onChange={setSubject} required />}
        <Input label="Valid from" type="date" value={validFrom} onChange={setValidFrom} required />
        <Input label={`Hourly rate (${tenant.currency})`} type="number" step="0.01" min="0" value={hourlyRate} onChange={setHourlyRate} required />
      </ActionForm>
      <Loaded load={load} empty={(page) => page.items.length === 0} emptyText="No rates yet: hours are costed at the standard $25 an hour.">
        {(page) => (
          <DataTable
            caption="Rates"
            rows={page.items}
            rowKey={(row) => row.id ?? 0}
            columns={[
              { label: "Applies to", cell: (row) => `${words(row.scope)}${row.subject ? ` ${row.subject}` : ""}` },
              { label: "From", cell: (row) => day(row.validFrom) },
              { label: "To", cell: (row) => day(row.validTo) },
              { label: "Rate", numeric: true, cell: (row) => money(row.hourlyRate, tenant.currency) },
              { label: "", cell: (row) => <ActionButton label="Delete" className="secondary" run={() => must(api.DELETE("/api/costing/rates/{id}", { params: { path: { id: row.id! } } })).then(reload)} /> },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}
