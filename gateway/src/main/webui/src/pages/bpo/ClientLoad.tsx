import { api, must } from "../../api/client";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { MonthRange } from "../../components/Ranges";
import { Loaded, Page } from "../../components/Page";
import { hours, number, percent } from "../../format";
import { useLoad } from "../../hooks";
import { useMonthRange } from "./range";

/** Which functions each client's back-office hours go to, and what serving several clients costs over one. */
export function ClientLoad() {
  const range = useMonthRange();
  const { from, to } = range;
  const [load] = useLoad(() => must(api.GET("/api/costing/client-load", { params: { query: { from, to } } })), [from, to]);
  return (
    <Page
      title="Client load"
      intro="Back-office hours per client and function, and the overhead of serving several clients against a single-client baseline."
      controls={
        <>
          <MonthRange from={from} to={to} onFrom={range.setFrom} onTo={range.setTo} />
          <CsvButton path="/api/costing/client-load" query={{ from, to }} fileName={`client-load-${from}-${to}.csv`} />
        </>
      }
    >
      <Loaded load={load} empty={(l) => !l.functions?.length} emptyText="No hours were logged against clients in these months.">
        {(l) => (
          <>
            <p className="summary">
              {number(l.clients, 0)} clients: {hours(l.clientHours)} logged against clients, {hours(l.sharedHours)} shared; overhead ratio{" "}
              {number(l.overheadRatio)} against a single-client baseline of {hours(l.singleClientBaselineHours)}.
            </p>
            <DataTable
              caption="Hours per client and function"
              rows={l.functions ?? []}
              rowKey={(row) => `${row.clientCode}-${row.functionCode}`}
              columns={[
                { label: "Client", cell: (row) => row.clientCode ?? "shared" },
                { label: "Function", cell: (row) => row.functionCode },
                { label: "Hours", numeric: true, cell: (row) => hours(row.hours) },
                { label: "Share of the client's hours", numeric: true, cell: (row) => percent(row.percentOfClient) },
              ]}
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}
