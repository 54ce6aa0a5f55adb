import { useState } from "react";
import { api, must } from "../../api/client";
import { ActionButton } from "../../components/Action";
import { StatusChip } from "../../components/Chips";
import { DataTable } from "../../components/DataTable";
import { Input, Select } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { addDays, dateTime, today, useTenant, weekStartOf } from "../../format";
import { useLoad } from "../../hooks";

/** Submitted weeks waiting for a decision: approve, or reject with a reason the employee sees. */
export function Approvals() {
  const tenant = useTenant();
  const [weekStart, setWeekStart] = useState(() => addDays(weekStartOf(today(tenant.timeZone), tenant.weekStart), -7));
  const [status, setStatus] = useState<"SUBMITTED" | "APPROVED" | "REJECTED" | "OPEN">("SUBMITTED");
  const [load, reload] = useLoad(async () => {
    const [weeks, people] = await Promise.all([
      must(api.GET("/api/time/timesheets", { params: { query: { weekStart, status, size: 500 } } })),
      must(api.GET("/api/time/employees", { params: { query: { size: 1000 } } })),
    ]);
    return { weeks: weeks.items, names: new Map(people.items.map((p) => [p.id, p.name])) };
  }, [weekStart, status]);
  return (
    <Page
      title="Approvals"
      intro="Weeks your staff submitted. Nobody approves their own week."
      controls={
        <>
          <Input label="Week starting" type="date" value={weekStart} onChange={(value) => setWeekStart(weekStartOf(value, tenant.weekStart))} />
          <Select
            label="Status"
            value={status}
            onChange={(value) => setStatus(value as typeof status)}
            options={["SUBMITTED", "APPROVED", "REJECTED", "OPEN"].map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() }))}
          />
        </>
      }
    >
      <Loaded load={load} empty={(data) => data.weeks.length === 0} emptyText="No weeks in this state.">
        {({ weeks, names }) => (
          <DataTable
            caption={`Weeks starting ${weekStart}`}
            rows={weeks}
            rowKey={(row) => `${row.employeeId}-${row.weekStart}`}
            columns={[
              { label: "Employee", cell: (row) => names.get(row.employeeId) ?? row.employeeId },
              { label: "Status", cell: (row) => <StatusChip status={row.status} /> },
              { label: "Submitted", cell: (row) => dateTime(row.submittedAt, tenant.timeZone) },
              {
                label: "Decision",
                cell: (row) =>
                  row.status === "SUBMITTED" ? (
                    <span className="row-actions">
                      <ActionButton
                        label="Approve"
                        run={() =>
                          must(api.POST("/api/time/timesheets/{employeeId}/{weekStart}/approve", {
                            params: { path: { employeeId: row.employeeId!, weekStart: row.weekStart! } },
                          })).then(reload)
                        }
                      />
                      <ActionButton
                        label="Reject…"
                        className="secondary"
                        run={async () => {
                          const reason = window.prompt("Why is this week rejected? The employee sees this.");
                          if (!reason) return;
                          await must(api.POST("/api/time/timesheets/{employeeId}/{weekStart}/reject", {
                            params: { path: { employeeId: row.employeeId!, weekStart: row.weekStart! } },
                            body: { reason },
                          }));
                          reload();
                        }}
                      />
                    </span>
                  ) : (
                    row.rejectionReason ?? "—"
                  ),
              },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}
