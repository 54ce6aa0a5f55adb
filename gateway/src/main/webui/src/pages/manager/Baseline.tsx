import { useState } from "react";
import { api, must, type Schemas } from "../../api/client";
import { BandChip } from "../../components/Chips";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { DayRange } from "../../components/Ranges";
import { Loaded, Page } from "../../components/Page";
import { addDays, day, hours, minutes, number, today, useTenant, weekStartOf } from "../../format";
import { useLoad } from "../../hooks";

type Figures = Schemas["FunctionFigures"];

/** Time per unit as its band measures it: minutes for QA evaluations, hours for the rest. */
function timePerUnit(figures: Figures): string {
  return figures.benchmark?.basis === "MINUTES_PER_UNIT" ? minutes(figures.minutesPerUnit) : hours(figures.hoursPerUnit);
}

/** Every function's hours, output, time per unit, quality and band over two weeks, and the functions with no output. */
export function Baseline() {
  const tenant = useTenant();
  const [from, setFrom] = useState(() => addDays(weekStartOf(today(tenant.timeZone), tenant.weekStart), -14));
  const [to, setTo] = useState(() => addDays(from, 14));
  const [load] = useLoad(() => must(api.GET("/api/metrics/baseline", { params: { query: { from, to } } })), [from, to]);
  return (
    <Page
      title="Baseline"
      intro="Where the back office's hours go, what they produce, and how each function compares with the benchmark for an operation of this size."
      controls={
        <>
          <DayRange from={from} to={to} onFrom={setFrom} onTo={setTo} />
          <CsvButton path="/api/metrics/baseline" query={{ from, to }} fileName={`baseline-${from}.csv`} />
        </>
      }
    >
      <Loaded load={load} empty={(figures) => !figures.functions?.length} emptyText="No hours were logged in this period.">
        {(figures) => (
          <>
            <p className="summary">
              {day(figures.from)} to {day(figures.to)}: {hours(figures.totalHours)} of back-office time, {number(figures.agents, 0)} agents,{" "}
              {number(figures.employees, 0)} employees.
            </p>
            <DataTable
              caption="Functions"
              rows={figures.functions ?? []}
              rowKey={(row) => row.functionCode ?? ""}
              rowLabel={(row) => row.functionCode ?? ""}
              columns={[
                { label: "Function", cell: (row) => row.functionName },
                { label: "Hours", numeric: true, cell: (row) => hours(row.hours) },
                { label: "Output", numeric: true, cell: (row) => `${number(row.units, 0)} ${row.outputUnit?.toLowerCase() ?? ""}` },
                { label: "Time per unit", numeric: true, cell: timePerUnit },
                { label: "Own metric", cell: (row) => (row.productivity?.value == null ? "—" : `${number(row.productivity.value)} ${row.productivity.metric}`) },
                {
                  label: "Quality",
                  cell: (row) =>
                    row.quality?.interRaterReliability != null
                      ? `IRR ${number(row.quality.interRaterReliability)}`
                      : row.quality?.averageTurnaroundHours != null
                        ? `turnaround ${hours(row.quality.averageTurnaroundHours)}`
                        : row.quality?.check
                          ? `${number(row.quality.defectsPerUnit)} ${row.quality.check.toLowerCase()} per unit`
                          : "—",
                },
                { label: "Quality-adjusted h/unit", numeric: true, cell: (row) => hours(row.qualityAdjustedHoursPerUnit) },
                { label: "Band", cell: (row) => <BandChip band={row.benchmark?.band ?? (row.units ? null : "NO_OUTPUT")} /> },
                { label: "Hours above reasonable", numeric: true, cell: (row) => hours(row.hoursAboveReasonable) },
              ]}
            />
            <h2>Hours with no output</h2>
            {figures.functionsWithoutOutput?.length ? (
              <ul className="plain" aria-label="Functions with hours but no output">
                {figures.functionsWithoutOutput.map((code) => (
                  <li key={code}>
                    {figures.functions?.find((f) => f.functionCode === code)?.functionName ?? code}:{" "}
                    {hours(figures.functions?.find((f) => f.functionCode === code)?.hours)} with nothing recorded as its output
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">Every function with hours recorded output.</p>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
