import { useState, type ReactElement } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router-dom";
import { allowed, type OperationId, type Schemas } from "./api/client";
import type { Session } from "./auth";
import { MyTime } from "./pages/staff/MyTime";
import { Baseline } from "./pages/manager/Baseline";
import { MonthlyReview } from "./pages/manager/MonthlyReview";
import { QuarterlyReview } from "./pages/manager/QuarterlyReview";
import { Workload } from "./pages/manager/Workload";
import { Objectives } from "./pages/manager/Objectives";
import { Approvals } from "./pages/manager/Approvals";
import { Profitability } from "./pages/bpo/Profitability";
import { ClientLoad } from "./pages/bpo/ClientLoad";
import { Overtime } from "./pages/bpo/Overtime";
import { Functions } from "./pages/admin/Functions";
import { Clients } from "./pages/admin/Clients";
import { Employees } from "./pages/admin/Employees";
import { Rates } from "./pages/admin/Rates";
import { Bands } from "./pages/admin/Bands";
import { Policy } from "./pages/admin/Policy";
import { PeriodLocks } from "./pages/admin/PeriodLocks";
import { Imports } from "./pages/admin/Imports";

interface View {
  path: string;
  label: string;
  /** The operation the view rests on: the view is there for exactly the roles the API lets call it. */
  operation: OperationId;
  element: ReactElement;
}

interface Area {
  label: string;
  views: View[];
}

function areas(me: Schemas["Employee"] | undefined): Area[] {
  const all: Area[] = [
    {
      label: "My work",
      views: me
        ? [{ path: "/my/time", label: "My time", operation: "startTimer", element: <MyTime me={me} /> }]
        : [],
    },
    {
      label: "Back office",
      views: [
        { path: "/manage/baseline", label: "Baseline", operation: "getBaseline", element: <Baseline /> },
        { path: "/manage/monthly-review", label: "Monthly review", operation: "getMonthlyReview", element: <MonthlyReview /> },
        { path: "/manage/quarterly-review", label: "Quarterly review", operation: "getQuarterlyReview", element: <QuarterlyReview /> },
        { path: "/manage/workload", label: "Workload", operation: "getInterruptionCost", element: <Workload /> },
        { path: "/manage/objectives", label: "Objectives", operation: "listObjectives", element: <Objectives /> },
        { path: "/manage/approvals", label: "Approvals", operation: "approveTimesheet", element: <Approvals /> },
      ],
    },
    {
      label: "Clients",
      views: [
        { path: "/clients/profitability", label: "Profitability", operation: "getClientProfitability", element: <Profitability /> },
        { path: "/clients/load", label: "Client load", operation: "getClientLoad", element: <ClientLoad /> },
        { path: "/clients/overtime", label: "Overtime and fixes", operation: "getOvertimeFixes", element: <Overtime /> },
      ],
    },
    {
      label: "Admin",
      views: [
        { path: "/admin/functions", label: "Functions", operation: "createFunction", element: <Functions /> },
        { path: "/admin/clients", label: "Clients", operation: "createClient", element: <Clients /> },
        { path: "/admin/employees", label: "Employees", operation: "createEmployee", element: <Employees /> },
        { path: "/admin/rates", label: "Rates", operation: "createLabourRate", element: <Rates /> },
        { path: "/admin/bands", label: "Bands", operation: "setBenchmarkBands", element: <Bands /> },
        { path: "/admin/policy", label: "Costing policy", operation: "setCostingPolicy", element: <Policy /> },
        { path: "/admin/period-locks", label: "Period locks", operation: "lockPeriod", element: <PeriodLocks /> },
        { path: "/admin/imports", label: "Imports", operation: "startTimeEntryImport", element: <Imports /> },
      ],
    },
  ];
  return all
    .map((area) => ({ ...area, views: area.views.filter((view) => allowed(view.operation)) }))
    .filter((area) => area.views.length > 0);
}

/** The console: the views the user's roles allow, grouped by who uses them, and nothing else. */
export function App({ session, tenant, me }: { session: Session; tenant: Schemas["Tenant"]; me: Schemas["Employee"] | undefined }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const visible = areas(me);
  const first = visible[0]?.views[0];
  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="navigation" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <span className="brand">Backlight</span>
        <span className="who">
          {tenant.name ?? "Platform"} · <span data-testid="username">{session.username}</span>
        </span>
        <button type="button" className="secondary" onClick={() => session.signOut()}>Sign out</button>
      </header>
      <nav id="navigation" aria-label="Views" className={menuOpen ? "open" : undefined}>
        {visible.map((area) => (
          <div key={area.label} className="nav-area">
            <h2>{area.label}</h2>
            <ul>
              {area.views.map((view) => (
                <li key={view.path}>
                  <NavLink to={view.path} onClick={() => setMenuOpen(false)}>{view.label}</NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        <Routes>
          {visible.flatMap((area) => area.views).map((view) => (
            <Route key={view.path} path={view.path} element={view.element} />
          ))}
          <Route path="/" element={first ? <Navigate to={first.path} replace /> : <NothingToShow />} />
          <Route path="*" element={<NotHere />} />
        </Routes>
      </main>
    </div>
  );
}

function NothingToShow() {
  return (
    <section className="page">
      <h1>Nothing to show yet</h1>
      <p>Your login has no role that the console has views for. Ask your tenant administrator for one.</p>
    </section>
  );
}

function NotHere() {
  return (
    <section className="page">
      <h1>Not available</h1>
      <p>This view does not exist, or your roles do not include it.</p>
    </section>
  );
}
