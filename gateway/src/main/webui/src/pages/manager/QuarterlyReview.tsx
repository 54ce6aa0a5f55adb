import { useMemo, useState } from "react";
import { api, must, ProblemError, type Schemas } from "../../api/client";
import { Chart } from "../../components/Chart";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { Input } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { day, hours, number, percent, quarterOf, today, useTenant, words } from "../../format";
import { useLoad } from "../../hooks";

/** The quarter against the one before: hours per agent and their trend, error rates, unsimplified processes, the call. */
export function QuarterlyReview() {
  const tenant = useTenant();
  const [quarter, setQuarter] = useState(() => quarterOf(today(tenant.timeZone)));
  const valid = /^\d{4}-Q[1-4]$/.test(quarter);
  const [load] = useLoad(
    () =>
      valid
        ? must(api.GET("/api/metrics/reviews/quarterly", { params: { query: { quarter } } }))
        : Promise.reject(new ProblemError({ title: "Which quarter?", errors: [{ field: "quarter", message: "is a year and a quarter, such as 2026-Q4" }] })),
    [quarter],
  );
  return (
    <Page
      title="Quarterly review"
      intro="Is the back office growing faster than the operation it serves? Process improvement or capacity adjustment, and why."
      controls={
        <>
          <Input label="Quarter (e.g. 2026-Q4)" value={quarter} onChange={setQuarter} />
          <CsvButton path="/api/metrics/reviews/quarterly" query={{ quarter }} fileName={`quarterly-review-${quarter}.csv`} />
        </>
      }
    >
      <Loaded load={load}>{(review) => <QuarterlyBody review={review} />}</Loaded>
    </Page>
  );
}

function QuarterlyBody({ review }: { review: Schemas["QuarterlyReview"] }) {
  const workload = review.workload;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: ["Previous quarter", review.quarter] },
      yAxis: { type: "value", name: "hours per agent" },
      series: [{ type: "line", data: [workload?.hoursPerAgentBefore ?? null, workload?.hoursPerAgentNow ?? null], itemStyle: { color: "#4f7cac" } }],
    }),
    [review],
  );
  return (
    <>
      <aside className="card highlight" aria-label="Recommendation">
        <h2>Recommendation: {words(review.recommendation?.focus)}</h2>
        <ul>
          {(review.recommendation?.reasons ?? []).map((reason) => <li key={reason}>{reason}</li>)}
        </ul>
      </aside>
      <div className="grid-2">
        <div className="card">
          <h2>Hours per agent</h2>
          <p>
            {number(workload?.hoursPerAgentNow)} now, {number(workload?.hoursPerAgentBefore)} the quarter before ({percent(workload?.changePercent)}),
            trend {words(workload?.trend)}. {hours(workload?.hoursNow)} for {number(workload?.agentsNow, 0)} agents.
          </p>
        </div>
        <Chart option={option} label="Back-office hours per agent, previous quarter and this one" height={220} />
      </div>
      <DataTable
        caption="Error rates against the previous quarter"
        rows={review.errorRates ?? []}
        rowKey={(row) => row.functionCode ?? ""}
        columns={[
          { label: "Function", cell: (row) => row.functionCode },
          { label: "Check", cell: (row) => row.qualityCheck },
          { label: "Defects per unit now", numeric: true, cell: (row) => number(row.defectsPerUnitNow, 3) },
          { label: "Before", numeric: true, cell: (row) => number(row.defectsPerUnitBefore, 3) },
          { label: "IRR now", numeric: true, cell: (row) => number(row.interRaterReliabilityNow) },
          { label: "Direction", cell: (row) => words(row.direction) },
        ]}
      />
      <DataTable
        caption="Processes added without simplifying anything"
        rows={review.processesAddedWithoutSimplification ?? []}
        rowKey={(row, i) => `${row.name}-${i}`}
        columns={[
          { label: "Process", cell: (row) => row.name },
          { label: "Function", cell: (row) => row.functionCode },
          { label: "Since", cell: (row) => day(row.effectiveOn) },
          { label: "Hours a month", numeric: true, cell: (row) => hours(row.hoursPerMonth) },
        ]}
      />
    </>
  );
}
