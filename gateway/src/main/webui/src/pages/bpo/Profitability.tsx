import { useMemo } from "react";
import { api, must, type Schemas } from "../../api/client";
import { Chart } from "../../components/Chart";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { MonthRange } from "../../components/Ranges";
import { Loaded, Page } from "../../components/Page";
import { hours, money, percent, words } from "../../format";
import { useLoad } from "../../hooks";
import { useMonthRange } from "./range";

/** Each client's apparent margin beside its true one, once the back-office hours behind it are costed. */
export function Profitability() {
  const range = useMonthRange();
  const { from, to } = range;
  const [load] = useLoad(() => must(api.GET("/api/costing/profitability", { params: { query: { from, to } } })), [from, to]);
  return (
    <Page
      title="Client profitability"
      intro="The margin a client seems to make, and what is left once the back office's time for it is counted."
      controls={
        <>
          <MonthRange from={from} to={to} onFrom={range.setFrom} onTo={range.setTo} />
          <CsvButton path="/api/costing/profitability" query={{ from, to }} fileName={`profitability-${from}-${to}.csv`} />
        </>
      }
    >
      <Loaded load={load} empty={(p) => !p.clients?.length} emptyText="No client accounts with financials in these months.">
        {(p) => <ProfitabilityBody profitability={p} />}
      </Loaded>
    </Page>
  );
}

function ProfitabilityBody({ profitability }: { profitability: Schemas["Profitability"] }) {
  const currency = profitability.currency;
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { data: ["Apparent margin %", "True margin %"] },
      xAxis: { type: "category", data: (profitability.clients ?? []).map((c) => c.clientName) },
      yAxis: { type: "value", name: "%" },
      series: [
        { name: "Apparent margin %", type: "bar", data: (profitability.clients ?? []).map((c) => c.apparentMarginPercent), itemStyle: { color: "#8fb3d9" } },
        { name: "True margin %", type: "bar", data: (profitability.clients ?? []).map((c) => c.marginPercent), itemStyle: { color: "#2e6b4f" } },
      ],
    }),
    [profitability],
  );
  return (
    <>
      <p className="summary">
        Revenue {money(profitability.totalRevenue, currency)}, margin after back-office cost {money(profitability.totalGrossMargin, currency)} (
        {percent(profitability.totalMarginPercent)}). Shared hours {hours(profitability.sharedHours)} allocated by {words(profitability.allocation)}.
      </p>
      <Chart option={option} label="Apparent and true margin per client" height={260} />
      <DataTable
        caption="Clients"
        rows={profitability.clients ?? []}
        rowKey={(row) => row.clientCode ?? ""}
        rowLabel={(row) => row.clientCode ?? ""}
        columns={[
          { label: "Client", cell: (row) => row.clientName },
          { label: "Revenue", numeric: true, cell: (row) => money(row.revenue, currency) },
          { label: "Agent cost", numeric: true, cell: (row) => money(row.agentCost, currency) },
          { label: "Back-office hours", numeric: true, cell: (row) => `${hours(row.directHours)} + ${hours(row.allocatedHours)} shared` },
          { label: "Back-office cost", numeric: true, cell: (row) => money(row.backOfficeCost, currency) },
          { label: "Apparent margin", numeric: true, cell: (row) => `${money(row.apparentMargin, currency)} (${percent(row.apparentMarginPercent, 0)})` },
          { label: "True margin", numeric: true, cell: (row) => <strong>{money(row.grossMargin, currency)} ({percent(row.marginPercent, 0)})</strong> },
          { label: "Points hidden", numeric: true, cell: (row) => percent(row.marginPointsHidden) },
        ]}
      />
    </>
  );
}
