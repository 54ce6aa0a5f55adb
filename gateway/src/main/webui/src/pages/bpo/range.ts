import { useState } from "react";
import { addMonths, monthOf, today, useTenant } from "../../format";

/** A range of whole months, the last complete month by default. */
export function useMonthRange(): { from: string; to: string; setFrom: (m: string) => void; setTo: (m: string) => void } {
  const tenant = useTenant();
  const last = addMonths(monthOf(today(tenant.timeZone)), -1);
  const [from, setFrom] = useState(last);
  const [to, setTo] = useState(last);
  return { from, to, setFrom, setTo };
}
