import { useMemo, useState } from "react";
import { allowed, api, must, type Schemas } from "../../api/client";
import { Chart } from "../../components/Chart";
import { StatusChip } from "../../components/Chips";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { DayRange } from "../../components/Ranges";
import { Loaded, Page } from "../../components/Page";
import { addDays, day, hours, number, percent, today, useTenant, weekStartOf, words } from "../../format";
import { useLoad } from "../../hooks";

/** Interruption cost, the spike calendar with its overlaps and suggested moves, and sustainability flags. */
export function Workload() {
  const tenant = useTenant();
  const thisWeek = weekStartOf(today(tenant.timeZone), tenant.weekStart);
  const [from, setFrom] = useState(addDays(thisWeek, -28));
  const [to, setTo] = useState(thisWeek);
  const [calendarFrom, setCalendarFrom] = useState(thisWeek);
  const [calendarTo, setCalendarTo] = useState(addDays(thisWeek, 42));
  const [cost] = useLoad(() => must(api.GET("/api/metrics/workload/interruption-cost", { params: { query: { from, to } } })), [from, to]);
  const [calendar] = useLoad(
    () => must(api.GET("/api/metrics/spikes/calendar", { params: { query: { from: calendarFrom, to: calendarTo } } })),
    [calendarFrom, calendarTo],
  );
  return (
    <Page title="Workload" intro="What interruptions cost, where deadlines pile up on one person, and who is working beyond their contract.">
      <h2>Interruption cost</h2>
      <div className="controls">
        <DayRange from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <CsvButton path="/api/metrics/workload/interruption-cost" query={{ from, to }} fileName={`interruption-cost-${from}.csv`} />
      </div>
      <Loaded load={cost} empty={(c) => !c.interruptions} emptyText="No interruptions were logged in this period.">
        {(c) => <InterruptionCostView cost={c} />}
      </Loaded>
      <h2>Spike calendar</h2>
      <div className="controls">
        <DayRange prefix="Calendar" from={calendarFrom} to={calendarTo} onFrom={setCalendarFrom} onTo={setCalendarTo} />
        <CsvButton path="/api/metrics/spikes/calendar" query={{ from: calendarFrom, to: calendarTo }} fileName={`spike-calendar-${calendarFrom}.csv`} />
      </div>
      <Loaded load={calendar} empty={(c) => !c.load?.length} emptyText="No recurring deadlines fall in this window.">
        {(c) => <SpikeCalendarView calendar={c} />}
      </Loaded>
      {allowed("getSustainability") && <Sustainability from={from} to={to} />}
    </Page>
  );
}

function InterruptionCostView({ cost }: { cost: Schemas["InterruptionCost"] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "category", data: (cost.weeks ?? []).map((w) => w.weekStart) },
      yAxis: { type: "value", name: "% of logged time lost" },
      series: [
        { name: "Low estimate", type: "bar", data: (cost.weeks ?? []).map((w) => w.percentLostLow), itemStyle: { color: "#8fb3d9" } },
        { name: "High estimate", type: "bar", data: (cost.weeks ?? []).map((w) => w.percentLostHigh), itemStyle: { color: "#4f7cac" } },
      ],
    }),
    [cost],
  );
  return (
    <>
      <p className="summary">
        {number(cost.interruptions, 0)} interruptions cost {number(cost.minutesLostLow, 0)}–{number(cost.minutesLostHigh, 0)} minutes (
        {percent(cost.percentLostLow)}–{percent(cost.percentLostHigh)} of the time logged), counting {cost.contextSwitchMinutesLow}–
        {cost.contextSwitchMinutesHigh} minutes to get back into the work each time.
      </p>
      <Chart option={option} label="Share of logged time lost to interruptions, week by week" height={240} />
      <DataTable
        caption="By kind, with the fix for each"
        rows={cost.byKind ?? []}
        rowKey={(row) => row.kind ?? ""}
        columns={[
          { label: "Kind", cell: (row) => words(row.kind) },
          { label: "Interruptions", numeric: true, cell: (row) => number(row.interruptions, 0) },
          { label: "Minutes lost", numeric: true, cell: (row) => `${number(row.minutesLostLow, 0)}–${number(row.minutesLostHigh, 0)}` },
          { label: "Fix", cell: (row) => row.fix },
        ]}
      />
    </>
  );
}

function SpikeCalendarView({ calendar }: { calendar: Schemas["SpikeCalendar"] }) {
  const option = useMemo(() => {
    const days = [...new Set((calendar.load ?? []).map((l) => l.day ?? ""))].sort();
    const owners = [...new Set((calendar.load ?? []).map((l) => l.ownerName ?? ""))];
    const overlapping = new Set((calendar.overlaps ?? []).flatMap((o) => (o.days ?? []).map((d) => `${o.ownerName}|${d}`)));
    return {
      tooltip: { formatter: (p: { data: [number, number, number] }) => `${owners[p.data[1]]}, ${days[p.data[0]]}: ${number(p.data[2])} h` },
      grid: { left: 130, right: 90, top: 10, bottom: 70 },
      xAxis: { type: "category", data: days, axisLabel: { rotate: 60 } },
      yAxis: { type: "category", data: owners },
      visualMap: { min: 0, max: 10, calculable: false, orient: "vertical", right: 0, top: 10, text: ["10 h", "0 h"], inRange: { color: ["#f3f7fb", "#f2c36b", "#c0392b"] } },
      series: [
        {
          type: "heatmap",
          data: (calendar.load ?? []).map((l) => [days.indexOf(l.day ?? ""), owners.indexOf(l.ownerName ?? ""), l.hours ?? 0]),
          itemStyle: { borderColor: "#fff", borderWidth: 1 },
          markPoint: {
            symbol: "pin",
            symbolSize: 24,
            data: (calendar.load ?? [])
              .filter((l) => overlapping.has(`${l.ownerName}|${l.day}`))
              .map((l) => ({ coord: [days.indexOf(l.day ?? ""), owners.indexOf(l.ownerName ?? "")], value: "!" })),
          },
        },
      ],
    };
  }, [calendar]);
  return (
    <>
      <Chart option={option} label="Deadline load per owner and day; pins mark days where one owner's deadlines overlap" height={260} />
      <DataTable
        caption="Overlaps and the suggested move"
        rows={calendar.overlaps ?? []}
        rowKey={(row, i) => `${row.ownerEmployeeId}-${i}`}
        columns={[
          { label: "Owner", cell: (row) => row.ownerName },
          { label: "Days", cell: (row) => (row.days ?? []).map(day).join(", ") },
          { label: "Deadlines", cell: (row) => (row.deadlines ?? []).join(", ") },
          { label: "Peak", numeric: true, cell: (row) => hours(row.peakHours) },
          {
            label: "Suggested move",
            cell: (row) => {
              const move = (calendar.suggestions ?? []).find((s) => (row.deadlines ?? []).includes(s.name ?? ""));
              return move
                ? `Move ${move.name} from ${day(move.fromDate)} to ${day(move.toDate)}: peak ${hours(move.peakHoursBefore)} → ${hours(move.peakHoursAfter)}`
                : "No move clears it";
            },
          },
        ]}
      />
    </>
  );
}

function Sustainability({ from, to }: { from: string; to: string }) {
  const [load] = useLoad(() => must(api.GET("/api/metrics/workload/sustainability", { params: { query: { from, to } } })), [from, to]);
  return (
    <>
      <h2>Sustainability</h2>
      <div className="controls">
        <CsvButton path="/api/metrics/workload/sustainability" query={{ from, to }} fileName={`sustainability-${from}.csv`} />
      </div>
      <Loaded load={load} empty={(s) => !s.employees?.length} emptyText="No hours in this period.">
        {(s) => (
          <DataTable
            caption="Hours against contract, per employee"
            rows={s.employees ?? []}
            rowKey={(row) => row.employeeId ?? 0}
            columns={[
              { label: "Employee", cell: (row) => row.name },
              { label: "Team", cell: (row) => row.team },
              { label: "Average hours a week", numeric: true, cell: (row) => hours(row.averageHoursPerWeek) },
              { label: "Contract", numeric: true, cell: (row) => hours(row.contractHours) },
              { label: "After hours", numeric: true, cell: (row) => `${number(row.afterHoursMinutes, 0)} min` },
              { label: "Flags", cell: (row) => (row.flags?.length ? row.flags.map((f) => <StatusChip key={f} status={f} />) : "none") },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}
