import { useMemo, useState } from "react";
import { api, must, type Schemas } from "../../api/client";
import { Chart } from "../../components/Chart";
import { BandChip } from "../../components/Chips";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { Input } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { addMonths, hours, monthOf, number, today, useTenant, words } from "../../format";
import { useLoad } from "../../hooks";

function effectsChart(functions: Schemas["FunctionChange"][]) {
  const shown = functions.filter((f) => f.volumeEffect != null || f.rateEffect != null);
  return {
    tooltip: { trigger: "axis" },
    legend: { data: ["Volume effect (h)", "Rate effect (h)"] },
    grid: { left: 120, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: shown.map((f) => f.functionName) },
    series: [
      { name: "Volume effect (h)", type: "bar", stack: "change", data: shown.map((f) => f.volumeEffect ?? 0), itemStyle: { color: "#4f7cac" } },
      { name: "Rate effect (h)", type: "bar", stack: "change", data: shown.map((f) => f.rateEffect ?? 0), itemStyle: { color: "#d9822b" } },
    ],
  };
}

/** This month against the last, per function: the change in hours split into volume and rate, and what to improve next. */
export function MonthlyReview() {
  const tenant = useTenant();
  const [month, setMonth] = useState(() => addMonths(monthOf(today(tenant.timeZone)), -1));
  const [load] = useLoad(() => must(api.GET("/api/metrics/reviews/monthly", { params: { query: { month } } })), [month]);
  return (
    <Page
      title="Monthly review"
      intro="Each function this month against the last: did hours rise because there was more work (volume) or because each unit took longer (rate)?"
      controls={
        <>
          <Input label="Month" type="month" value={month} onChange={setMonth} />
          <CsvButton path="/api/metrics/reviews/monthly" query={{ month }} fileName={`monthly-review-${month}.csv`} />
        </>
      }
    >
      <Loaded load={load} empty={(review) => !review.functions?.length} emptyText="No hours in this month or the one before.">
        {(review) => <MonthlyReviewBody review={review} />}
      </Loaded>
    </Page>
  );
}

function MonthlyReviewBody({ review }: { review: Schemas["MonthlyReview"] }) {
  const option = useMemo(() => effectsChart(review.functions ?? []), [review]);
  const next = review.improveNext;
  return (
    <>
      {next && (
        <aside className="card highlight" aria-label="Improve next">
          <h2>Improve next: {next.functionName}</h2>
          <p>
            <BandChip band={next.band} /> {number(next.value)} against a reasonable {number(next.reasonableTo)}: bringing it there frees{" "}
            <strong>{hours(next.hoursFreed)}</strong> a month.
          </p>
          <p><strong>Likely cause:</strong> {next.likelyProblem}</p>
          <p><strong>Fix:</strong> {next.suggestedFix}</p>
        </aside>
      )}
      {(review.functions ?? []).some((f) => f.volumeEffect != null) ? (
        <Chart option={option} label="Change in hours per function, split into volume and rate effects" />
      ) : (
        <p className="empty">No function had output in both months, so no change can be split into volume and rate yet.</p>
      )}
      <DataTable
        caption={`Functions, ${review.month} against the month before`}
        rows={review.functions ?? []}
        rowKey={(row) => row.functionCode ?? ""}
        rowLabel={(row) => row.functionCode ?? ""}
        columns={[
          { label: "Function", cell: (row) => row.functionName },
          { label: "Hours before", numeric: true, cell: (row) => hours(row.hoursBefore) },
          { label: "Hours now", numeric: true, cell: (row) => hours(row.hoursNow) },
          { label: "Units before", numeric: true, cell: (row) => number(row.unitsBefore, 0) },
          { label: "Units now", numeric: true, cell: (row) => number(row.unitsNow, 0) },
          { label: "Volume effect", numeric: true, cell: (row) => hours(row.volumeEffect) },
          { label: "Rate effect", numeric: true, cell: (row) => hours(row.rateEffect) },
          { label: "Cause", cell: (row) => words(row.cause) },
          { label: "Band now", cell: (row) => <BandChip band={row.bandNow} /> },
        ]}
      />
    </>
  );
}
