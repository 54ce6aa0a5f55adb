// The web console as its users meet it: a real Chromium (Debian's package, started by playwright-core), the suite as
// the run command starts it, and the real Keycloak sign-in page. Each user gets a browser context of their own, so no
// sign-in carries over. Screenshots of each page go to SCREENSHOTS.
import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const consoleUrl = process.env.CONSOLE_URL ?? "http://localhost:8080";
const screenshots = process.env.SCREENSHOTS ?? "target/console-screenshots";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
mkdirSync(screenshots, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
});
after(async () => browser?.close());

const open = [];
/** Closes the test's pages, keeping how each was left (passed or failed), so a failure can be seen, not guessed. */
async function closePages(context) {
  for (const [i, page] of open.splice(0).entries()) {
    await screenshot(page, `end-${context.name.split(" ").slice(0, 4).join("-")}-${i}`);
    await page.context().close();
  }
}

/** Opens a path of the console as a user, signing in on Keycloak's own page when it asks. */
async function openAs(username, path, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  open.push(page);
  await page.goto(consoleUrl + path);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill("demo");
  await page.locator("#kc-login").click();
  await page.waitForURL((url) => url.href.startsWith(consoleUrl));
  await page.locator("main h1").first().waitFor();
  return page;
}

/** Waits until no part of the page is still loading. */
async function settled(page) {
  await page.waitForFunction(() => document.querySelector(".status") === null);
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** The two weeks the demo call center's back-office time was loaded for (DemoData: from the Monday two weeks before last). */
function demoFortnight() {
  const newYork = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" });
  const today = new Date(`${newYork.format(new Date())}T00:00:00Z`);
  const sinceMonday = (today.getUTCDay() + 6) % 7 || 7; // strictly before today
  const first = new Date(today);
  first.setUTCDate(today.getUTCDate() - sinceMonday - 14);
  const end = new Date(first);
  end.setUTCDate(first.getUTCDate() + 14);
  return [first.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

describe("the web console", () => {
  afterEach(closePages);

  test("the call-center manager sees the 7 h weekly schedule marked slow and 30 minutes per QA evaluation reasonable", async () => {
    const page = await openAs("cc-manager", "/manage/baseline");
    const [from, to] = demoFortnight();
    await page.getByLabel("From").fill(from);
    await page.getByLabel("To (exclusive)").fill(to);
    // The columns: function, hours, output, time per unit, own metric, quality, quality-adjusted, band, above reasonable.
    const scheduling = page.locator('tr[data-row="SCHEDULING"]');
    await scheduling.waitFor();
    assert.equal(await scheduling.locator("td").nth(3).innerText(), "7 h");
    assert.match(await scheduling.locator("td").nth(4).innerText(), /7 hours to build a complete weekly schedule/);
    assert.equal(await scheduling.locator(".chip").innerText(), "Slow");
    const qa = page.locator('tr[data-row="QA_EVALUATION"]');
    assert.equal(await qa.locator("td").nth(3).innerText(), "30 min");
    assert.equal(await qa.locator(".chip").innerText(), "Reasonable");
    assert.match(await page.getByLabel("Functions with hours but no output").innerText(), /Other/);
    await screenshot(page, "manager-baseline");

    for (const [link, name] of [["Monthly review", "manager-monthly-review"], ["Quarterly review", "manager-quarterly-review"], ["Workload", "manager-workload"], ["Objectives", "manager-objectives"], ["Approvals", "manager-approvals"]]) {
      await page.getByRole("link", { name: link }).click();
      await page.getByRole("heading", { level: 1, name: link }).waitFor();
      await settled(page);
      assert.deepEqual(await page.getByRole("alert").allInnerTexts(), [], `${link} shows no problem`);
      await screenshot(page, name);
    }
  });

  test("staff start and stop a timer and see the entry in the week grid", async () => {
    const page = await openAs("dana", "/my/time");
    await page.getByLabel("Function").selectOption("REPORTING");
    await page.getByRole("button", { name: "Start timer" }).click();
    await page.getByText("Running:").waitFor();
    assert.match(await page.locator(".timer-running").innerText(), /Reporting/);
    // As a person would: stopped once the clock shows it ran (a timer stopped in its first second records nothing).
    await page.getByLabel("Running for").filter({ hasNotText: "0:00:00" }).waitFor();
    await page.getByRole("button", { name: "Stop timer" }).click();
    await page.getByText(/No timer running\. Recorded \d+:\d\d:\d\d of Reporting/).waitFor();
    await page.locator('table.week-grid tr[data-row="REPORTING"]').waitFor();
    await page.getByRole("button", { name: "Log an interruption" }).click();
    await page.getByRole("button", { name: "Agent question" }).click();
    await page.getByText(/Agent question logged at/).waitFor();
    await screenshot(page, "staff-my-time");

    const phone = await openAs("dana", "/my/time", { width: 390, height: 844 });
    await phone.locator('table.week-grid tr[data-row="REPORTING"]').waitFor();
    await screenshot(phone, "staff-my-time-phone");
  });

  test("a staff user does not see manager pages", async () => {
    const page = await openAs("dana", "/manage/baseline");
    await page.getByRole("heading", { level: 1, name: "Not available" }).waitFor();
    const views = await page.getByRole("navigation", { name: "Views" }).innerText();
    assert.match(views, /My time/);
    for (const hidden of ["Baseline", "Monthly review", "Approvals", "Profitability", "Functions"]) {
      assert.doesNotMatch(views, new RegExp(hidden));
    }
    await screenshot(page, "staff-no-manager-pages");
  });

  test("an admin adds a client", async () => {
    const page = await openAs("bpo-admin", "/admin/clients");
    const code = `CONSOLE-${Date.now() % 100000}`;
    await page.getByLabel("Client code").fill(code);
    await page.getByLabel("Client name").fill("Console Test Client");
    await page.getByRole("button", { name: "Add client" }).click();
    await page.getByText("Client added.").waitFor();
    const row = page.locator(`tr[data-row="${code}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /Console Test Client/);
    await screenshot(page, "admin-clients");

    // A dry run of a file naming nobody the tenant employs: checked, nothing written, the row reported with its reason.
    await page.getByRole("link", { name: "Imports" }).click();
    await page.getByLabel("File (CSV with a header line, or JSON Lines)").setInputFiles({
      name: "entries.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("externalRef,employeeEmail,functionCode,workDate,durationMinutes\nconsole-1,nobody@nowhere.example,REPORTING,2026-11-02,30\n"),
    });
    await page.getByRole("button", { name: "Start import" }).click();
    const progress = page.getByRole("region", { name: "Import progress" });
    await progress.getByRole("heading", { name: /Import (Done|Rejected)/ }).waitFor();
    assert.match(await progress.innerText(), /written 0.*rejected 1/s);
    await progress.getByRole("button", { name: "Download CSV" }).waitFor();
    await screenshot(page, "admin-imports");
  });

  test("the BPO manager sees Client A 26 %, Client B 20 % and Client C 20 % true margin", async () => {
    const page = await openAs("bpo-manager", "/clients/profitability");
    for (const [client, margin] of [["CLIENT-A", "26 %"], ["CLIENT-B", "20 %"], ["CLIENT-C", "20 %"]]) {
      const row = page.locator(`tr[data-row="${client}"]`);
      await row.waitFor();
      assert.match(await row.locator("strong").innerText(), new RegExp(`\\(${margin}\\)`), client);
    }
    await screenshot(page, "bpo-profitability");
    await page.getByRole("link", { name: "Client load" }).click();
    await page.getByRole("heading", { level: 1, name: "Client load" }).waitFor();
    await settled(page);
    await screenshot(page, "bpo-client-load");
  });
});
