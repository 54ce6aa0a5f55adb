import { useEffect, useState } from "react";
import { api, must, type Schemas } from "../../api/client";
import { ActionButton } from "../../components/Action";
import { StatusChip } from "../../components/Chips";
import { Select } from "../../components/Field";
import { Loaded, Page } from "../../components/Page";
import { addDays, day, number, time, today, useTenant, weekStartOf, weekdayName, words } from "../../format";
import { useLoad } from "../../hooks";

const interruptionKinds = ["AGENT_QUESTION", "SUPERVISOR_AD_HOC_REQUEST", "HR_QUESTION", "OTHER"] as const;

/** Staff's own time: the running timer, the week as a grid, interruptions in two taps, and the week's submission. */
export function MyTime({ me }: { me: Schemas["Employee"] }) {
  const tenant = useTenant();
  const zone = me.timeZone ?? tenant.timeZone;
  const [weekStart, setWeekStart] = useState(() => weekStartOf(today(zone), tenant.weekStart));
  const [catalog] = useLoad(async () => {
    const [functions, clients] = await Promise.all([
      must(api.GET("/api/time/functions", { params: { query: { size: 1000 } } })),
      must(api.GET("/api/time/clients", { params: { query: { size: 1000 } } })),
    ]);
    return { functions: functions.items, clients: clients.items };
  }, []);
  const [timer, reloadTimer] = useLoad(() => must(api.GET("/api/time/timers/current")), []);
  // Kept here, not in the timer's panel, which is drawn anew once the timer has been read again.
  const [stopped, setStopped] = useState<string>();
  const [week, reloadWeek] = useLoad(
    () => must(api.GET("/api/time/timesheets/{employeeId}/{weekStart}", { params: { path: { employeeId: me.id!, weekStart } } })),
    [weekStart],
  );
  const changed = () => {
    reloadTimer();
    reloadWeek();
  };
  return (
    <Page title="My time" intro={`${me.name}: what you work on, as you work on it. Times are shown in ${zone}.`}>
      <Loaded load={catalog}>
        {({ functions, clients }) => (
          <>
            <Loaded load={timer}>
              {(status) => (
                <TimerPanel status={status} functions={functions} clients={clients} zone={zone} stopped={stopped} setStopped={setStopped} changed={changed} />
              )}
            </Loaded>
            <Interruptions zone={zone} />
            <div className="controls">
              <button type="button" className="secondary" onClick={() => setWeekStart(addDays(weekStart, -7))}>Previous week</button>
              <button type="button" className="secondary" onClick={() => setWeekStart(addDays(weekStart, 7))}>Next week</button>
            </div>
            <Loaded load={week}>{(sheet) => <WeekGrid sheet={sheet} functions={functions} changed={changed} />}</Loaded>
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** A duration as a running timer shows it: hours, minutes and seconds. */
function clock(seconds: number): string {
  const two = (n: number) => String(Math.floor(n)).padStart(2, "0");
  return `${Math.floor(seconds / 3600)}:${two((seconds % 3600) / 60)}:${two(seconds % 60)}`;
}

function TimerPanel({ status, functions, clients, zone, stopped, setStopped, changed }: {
  status: Schemas["TimerStatus"];
  functions: Schemas["Function"][];
  clients: Schemas["ClientAccount"][];
  zone: string | undefined;
  /** What the last stop recorded, in words. */
  stopped: string | undefined;
  setStopped: (words: string | undefined) => void;
  changed: () => void;
}) {
  const active = functions.filter((f) => !f.retiredAt);
  const [functionCode, setFunctionCode] = useState(status.entry?.functionCode ?? active[0]?.code ?? "");
  const [clientCode, setClientCode] = useState("");
  const [elapsed, setElapsed] = useState(status.elapsedSeconds ?? 0);
  useEffect(() => {
    setElapsed(status.elapsedSeconds ?? 0);
    if (!status.running) return;
    const tick = window.setInterval(() => setElapsed((s) => s + 1), 1000);
    return () => window.clearInterval(tick);
  }, [status]);
  const running = status.running ? functions.find((f) => f.code === status.entry?.functionCode) : undefined;
  const start = () =>
    must(api.POST("/api/time/timers/start", { body: { functionCode, clientCode: clientCode || undefined, zone } })).then(() => {
      setStopped(undefined);
      changed();
    });
  const stop = () =>
    must(api.POST("/api/time/timers/stop", { body: {} })).then((entry) => {
      // 204: a timer stopped within its first second recorded nothing.
      const name = (code: string | undefined) => functions.find((f) => f.code === code)?.name ?? code;
      setStopped(entry
        ? `Recorded ${clock(Math.round((entry.durationMinutes ?? 0) * 60))} of ${name(entry.functionCode)}, until ${time(entry.endedAt, zone)}.`
        : "Stopped within its first second: nothing was recorded.");
      changed();
    });
  return (
    <section className="card timer" aria-label="Timer">
      {status.running ? (
        <p className="timer-running" role="status">
          Running: <strong>{running?.name ?? status.entry?.functionCode}</strong>
          {status.entry?.clientCode && <> for {status.entry.clientCode}</>} since {time(status.entry?.startedAt, zone)} ·{" "}
          <span className="elapsed" aria-label="Running for">{clock(elapsed)}</span>
        </p>
      ) : (
        <p role="status">No timer running.{stopped && <> {stopped}</>}</p>
      )}
      <div className="controls">
        <Select label="Function" value={functionCode} onChange={setFunctionCode} options={active.map((f) => ({ value: f.code ?? "", label: f.name ?? "" }))} />
        {clients.length > 0 && (
          <Select
            label="Client"
            value={clientCode}
            onChange={setClientCode}
            options={[{ value: "", label: "Shared (no client)" }, ...clients.filter((c) => c.active).map((c) => ({ value: c.code ?? "", label: c.name ?? "" }))]}
          />
        )}
        <ActionButton label={status.running ? "Switch to this" : "Start timer"} run={start} />
        {status.running && <ActionButton label="Stop timer" className="danger" run={stop} />}
      </div>
    </section>
  );
}

function Interruptions({ zone }: { zone: string | undefined }) {
  const [open, setOpen] = useState(false);
  const [logged, setLogged] = useState<string>();
  const log = async (kind: (typeof interruptionKinds)[number]) => {
    await must(api.POST("/api/time/interruptions", { body: { kind, minutes: 5, zone } }));
    setOpen(false);
    setLogged(`${words(kind)} logged at ${time(new Date().toISOString(), zone)}.`);
  };
  return (
    <section className="card" aria-label="Interruptions">
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>Log an interruption</button>
      {open && (
        <div className="row-actions" role="group" aria-label="What interrupted you?">
          {interruptionKinds.map((kind) => <ActionButton key={kind} label={words(kind)} run={() => log(kind)} />)}
        </div>
      )}
      {logged && <p className="done" role="status">{logged}</p>}
    </section>
  );
}

function WeekGrid({ sheet, functions, changed }: {
  sheet: Schemas["Timesheet"];
  functions: Schemas["Function"][];
  changed: () => void;
}) {
  const days = Array.from({ length: 7 }, (_, i) => addDays(sheet.weekStart!, i));
  const entries = sheet.entries ?? [];
  const codes = [...new Set(entries.map((e) => e.functionCode ?? ""))];
  const minutesOf = (code: string, date: string) =>
    entries.filter((e) => e.functionCode === code && e.workDate === date).reduce((sum, e) => sum + (e.durationMinutes ?? 0), 0);
  const byDay = (sheet.minutesByDay ?? {}) as Record<string, number>;
  const asHours = (m: number) => (m ? `${number(m / 60)} h` : "");
  return (
    <section aria-label="My week">
      <h2>
        Week of {day(sheet.weekStart)} <StatusChip status={sheet.status} />
      </h2>
      {sheet.rejectionReason && <p className="problem" role="alert">Returned to you: {sheet.rejectionReason}</p>}
      <div className="table-wrap">
        <table className="week-grid">
          <caption>Hours per function and day</caption>
          <thead>
            <tr>
              <th scope="col">Function</th>
              {days.map((d) => <th key={d} scope="col" className="numeric">{weekdayName(d)} {d.slice(8)}</th>)}
            </tr>
          </thead>
          <tbody>
            {codes.length === 0 && (
              <tr><td colSpan={8} className="empty">Nothing logged this week yet.</td></tr>
            )}
            {codes.map((code) => (
              <tr key={code} data-row={code}>
                <th scope="row">{functions.find((f) => f.code === code)?.name ?? code}</th>
                {days.map((d) => <td key={d} className="numeric">{asHours(minutesOf(code, d))}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {days.map((d) => <td key={d} className="numeric" data-day={d}>{asHours(byDay[d] ?? 0)}</td>)}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="summary">
        {number((sheet.totalMinutes ?? 0) / 60)} h this week
        {entries.some((e) => !e.endedAt && e.startedAt) ? " · a timer is still running" : ""}
      </p>
      {(sheet.status === "OPEN" || sheet.status === "REJECTED") && (
        <ActionButton
          label="Submit this week"
          run={() =>
            must(api.POST("/api/time/timesheets/{employeeId}/{weekStart}/submit", { params: { path: { employeeId: sheet.employeeId!, weekStart: sheet.weekStart! } } })).then(changed)
          }
        />
      )}
    </section>
  );
}
