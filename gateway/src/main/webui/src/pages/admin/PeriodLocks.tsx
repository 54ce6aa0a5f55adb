import { useState } from "react";
import { api, must } from "../../api/client";
import { ActionButton, ActionForm } from "../../components/Action";
import { DataTable } from "../../components/DataTable";
import { Input } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { dateTime, day, useTenant } from "../../format";
import { useLoad } from "../../hooks";

/** Closed periods (a payroll run, a month invoiced): nobody changes time inside one until it is unlocked. */
export function PeriodLocks() {
  const tenant = useTenant();
  const [load, reload] = useLoad(() => must(api.GET("/api/time/period-locks", { params: { query: { size: 1000 } } })), []);
  const [firstDay, setFirstDay] = useState("");
  const [lastDay, setLastDay] = useState("");
  const [reason, setReason] = useState("");
  return (
    <Page title="Period locks" intro="A locked period refuses every change to its time with a 409 until it is unlocked.">
      <ActionForm label="Lock period" done="Period locked." submit={() => must(api.POST("/api/time/period-locks", { body: { firstDay, lastDay, reason } })).then(reload)}>
        <Input label="First day" type="date" value={firstDay} onChange={setFirstDay} required />
        <Input label="Last day" type="date" value={lastDay} onChange={setLastDay} required />
        <Input label="Reason" value={reason} onChange={setReason} required />
      </ActionForm>
      <Loaded load={load} empty={(page) => page.items.length === 0} emptyText="No period is locked.">
        {(page) => (
          <DataTable
            caption="Locked periods"
            rows={page.items}
            rowKey={(row) => row.id ?? 0}
            columns={[
              { label: "From", cell: (row) => day(row.firstDay) },
              { label: "To", cell: (row) => day(row.lastDay) },
              { label: "Reason", cell: (row) => row.reason },
              { label: "Locked", cell: (row) => `${dateTime(row.lockedAt, tenant.timeZone)} by ${row.lockedBy}` },
              { label: "", cell: (row) => <ActionButton label="Unlock" className="secondary" run={() => must(api.DELETE("/api/time/period-locks/{id}", { params: { path: { id: row.id! } } })).then(reload)} /> },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}
