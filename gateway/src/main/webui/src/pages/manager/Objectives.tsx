import { api, must } from "../../api/client";
import { StatusChip } from "../../components/Chips";
import { CsvButton } from "../../components/CsvButton";
import { DataTable } from "../../components/DataTable";
import { Loaded, Page } from "../../components/Page";
import { day, number, percent, words } from "../../format";
import { useLoad } from "../../hooks";

/** Each objective's progress toward its target against the share of its time gone. */
export function Objectives() {
  const [load] = useLoad(() => must(api.GET("/api/metrics/objectives", { params: { query: { size: 100 } } })), []);
  return (
    <Page
      title="Objectives"
      intro="Progress is measured whenever you look: the metric over the two weeks before the start against the latest two weeks."
      controls={<CsvButton path="/api/metrics/objectives" query={{ size: 100 }} fileName="objectives.csv" />}
    >
      <Loaded load={load} empty={(page) => page.items.length === 0} emptyText="No objectives yet.">
        {(page) => (
          <DataTable
            caption="Objectives"
            rows={page.items}
            rowKey={(row) => row.id ?? 0}
            columns={[
              { label: "Objective", cell: (row) => row.title },
              { label: "Function", cell: (row) => row.functionCode },
              { label: "Target", cell: (row) => `${words(row.metric)} ${row.direction === "AT_MOST" ? "≤" : "≥"} ${number(row.target)}` },
              { label: "Due", cell: (row) => day(row.dueDate) },
              { label: "Now", numeric: true, cell: (row) => number(row.progress?.currentValue) },
              {
                label: "Progress",
                cell: (row) => (
                  <span className="progress-pair">
                    <progress max={100} value={Math.max(0, Math.min(100, row.progress?.progressPercent ?? 0))} aria-label="Progress toward the target" />
                    {percent(row.progress?.progressPercent, 0)} of the way, {percent(row.progress?.elapsedPercent, 0)} of the time
                  </span>
                ),
              },
              { label: "Status", cell: (row) => <StatusChip status={row.progress?.status} /> },
            ]}
          />
        )}
      </Loaded>
    </Page>
  );
}
