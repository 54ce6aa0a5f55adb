import { useState } from "react";
import { allowed, api, must } from "../../api/client";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { DayRange } from "../../components/Ranges";
import { Loaded, Page } from "../../components/Page";
import { addDays, hours, money, number, today, useTenant } from "../../format";
import { useLoad } from "../../hooks";

/** What overtime costs a year, set against the process fixes that would remove it, with their payback. */
export function Overtime() {
  const tenant = useTenant();
  const [from, setFrom] = useState(() => addDays(today(tenant.timeZone), -28));
  const [to, setTo] = useState(() => today(tenant.timeZone));
  const [report] = useLoad(() => must(api.GET("/api/costing/overtime", { params: { query: { from, to } } })), [from, to]);
  const [fixes] = useLoad(() => must(api.GET("/api/costing/overtime/fixes", { params: { query: { from, to } } })), [from, to]);
  const currency = tenant.currency;
  return (
    <Page
      title="Overtime and process fixes"
      intro="Paying overtime every week, or fixing the process that causes it: each option's yearly cost against the hours it saves."
      controls={
        <>
          <DayRange from={from} to={to} onFrom={setFrom} onTo={setTo} />
          <CsvButton path="/api/costing/overtime/fixes" query={{ from, to }} fileName={`overtime-fixes-${from}.csv`} />
        </>
      }
    >
      {allowed("getOvertime") && (
        <Loaded load={report}>
          {(r) => (
            <p className="summary">
              {hours(r.overtimeHours)} of overtime ({hours(r.overtimeHoursPerWeek)} a week beyond {hours(r.weeklyThresholdHours)}, paid ×
              {number(r.multiplier)}): {money(r.costPerWeek, r.currency)} a week, {money(r.costPerYear, r.currency)} a year.
            </p>
          )}
        </Loaded>
      )}
      <Loaded load={fixes} empty={(f) => f.length === 0} emptyText="No process-fix options recorded yet.">
        {(f) => (
          <DataTable
            caption="Process-fix options"
            rows={f}
            rowKey={(row, i) => `${row.option}-${i}`}
            columns={[
              { label: "Option", cell: (row) => row.option },
              { label: "Function", cell: (row) => row.functionCode },
              { label: "Cost a year", numeric: true, cell: (row) => money(row.costPerYear, currency) },
              { label: "Set-up", numeric: true, cell: (row) => money(row.setupCost, currency) },
              { label: "Hours saved a week", numeric: true, cell: (row) => hours(row.hoursSavedPerWeek) },
              { label: "Value a year", numeric: true, cell: (row) => money(row.valueOfHoursSavedPerYear, currency) },
              { label: "Net a year", numeric: true, cell: (row) => money(row.netPerYear, currency) },
              { label: "Payback", numeric: true, cell: (row) => (row.paybackMonths == null ? "never" : `${number(row.paybackMonths, 1)} months`) },
              { label: "Cheaper than overtime", cell: (row) => (row.cheaperThanOvertime ? "yes" : "no") },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}
