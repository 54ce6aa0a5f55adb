import { useState } from "react";
import { api, ifMatch, must, type Schemas } from "../../api/client";
import { ActionForm } from "../../components/Action";
import { Input, Select } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { words } from "../../format";
import { useLoad } from "../../hooks";

/** How overtime is counted and how hours logged without a client are shared among clients. */
export function Policy() {
  const [load, reload] = useLoad(() => must(api.GET("/api/costing/policy")), []);
  return (
    <Page title="Costing policy" intro="The overtime threshold and multiplier, and how shared back-office hours are allocated to clients.">
      <Loaded load={load}>{(policy) => <PolicyForm key={policy.version} policy={policy} saved={reload} />}</Loaded>
    </Page>
  );
}

function PolicyForm({ policy, saved }: { policy: Schemas["CostingPolicy"]; saved: () => void }) {
  const [threshold, setThreshold] = useState(String(policy.overtimeWeeklyThresholdHours ?? 40));
  const [multiplier, setMultiplier] = useState(String(policy.overtimeMultiplier ?? 1.5));
  const [allocation, setAllocation] = useState<string>(policy.allocation ?? "NONE");
  const [baseline, setBaseline] = useState(String(policy.singleClientBaselineHoursPerMonth ?? ""));
  return (
    <ActionForm
      label="Save policy"
      done="Policy saved."
      submit={() =>
        must(api.PUT("/api/costing/policy", {
          params: { header: ifMatch(policy.version) },
          body: {
            overtimeWeeklyThresholdHours: Number(threshold),
            overtimeMultiplier: Number(multiplier),
            allocation: allocation as Schemas["AllocationPolicy"],
            singleClientBaselineHoursPerMonth: baseline ? Number(baseline) : undefined,
          },
        })).then(saved)
      }
    >
      <Input label="Overtime beyond (hours a week)" type="number" step="any" value={threshold} onChange={setThreshold} required />
      <Input label="Overtime multiplier" type="number" step="any" value={multiplier} onChange={setMultiplier} required />
      <Select label="Allocate shared hours" value={allocation} onChange={setAllocation} options={["NONE", "REVENUE", "DIRECT_HOURS", "AGENT_HEADCOUNT"].map((a) => ({ value: a, label: words(a) }))} />
      <Input label="Single-client baseline (hours a month)" type="number" step="any" value={baseline} onChange={setBaseline} />
    </ActionForm>
  );
}
