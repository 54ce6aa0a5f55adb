import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { signIn } from "./auth";
import { allowed, api, authorizeCalls, must, type Schemas } from "./api/client";
import { App } from "./App";
import { TenantContext } from "./format";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);

async function start() {
  const session = await signIn();
  authorizeCalls(session);
  // Platform administrators belong to no tenant; everyone else formats days and money as their tenant does.
  const tenant: Schemas["Tenant"] = allowed("getTenant")
    ? await must(api.GET("/api/time/tenant"))
    : { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, currency: "USD", weekStart: "MONDAY" };
  // Only a login linked to an employee has its own time to capture (the first call links it by verified email).
  const me = allowed("getMyEmployee") ? await api.GET("/api/time/employees/me").then((answer) => answer.data) : undefined;
  root.render(
    <StrictMode>
      <TenantContext.Provider value={tenant}>
        <BrowserRouter>
          <App session={session} tenant={tenant} me={me} />
        </BrowserRouter>
      </TenantContext.Provider>
    </StrictMode>,
  );
}

start().catch((failure: unknown) => {
  root.render(
    <main className="page">
      <h1>Backlight could not start</h1>
      <p className="problem" role="alert">{failure instanceof Error ? failure.message : String(failure)}</p>
    </main>,
  );
});
