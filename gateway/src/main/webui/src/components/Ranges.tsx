import { Input } from "./Field";

/** The days [from, to) a report covers. */
export function DayRange({ from, to, onFrom, onTo, prefix = "" }: {
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
  prefix?: string;
}) {
  return (
    <>
      <Input label={prefix ? `${prefix} from` : "From"} type="date" value={from} onChange={onFrom} />
      <Input label={prefix ? `${prefix} to (exclusive)` : "To (exclusive)"} type="date" value={to} onChange={onTo} />
    </>
  );
}

/** The whole months, first and last included, a report covers. */
export function MonthRange({ from, to, onFrom, onTo }: { from: string; to: string; onFrom: (month: string) => void; onTo: (month: string) => void }) {
  return (
    <>
      <Input label="From month" type="month" value={from} onChange={onFrom} />
      <Input label="To month" type="month" value={to} onChange={onTo} />
    </>
  );
}
