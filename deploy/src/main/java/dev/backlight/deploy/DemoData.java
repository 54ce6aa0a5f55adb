package dev.backlight.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo tenants loaded through the public API, as a user would: a 50-agent call center with two weeks of
 * back-office time, interruptions, outputs and quality findings (the seed's baseline examples), and a BPO whose last
 * month reproduces the seed's client table (Client A 80 h, Client B 200 h, Client C 160 h of back-office time).
 */
final class DemoData {

    static final String CALL_CENTER = "northwind-cc";
    static final String BPO = "harbor-bpo";

    private final HttpClient http;
    private final Map<String, String> serviceUrls;
    private final KeycloakLogins logins;
    private final ObjectMapper json = new ObjectMapper();
    /** One sign-in per demo user for the whole load: each costs Keycloak a password hash, and the tokens outlive the load. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    private record Person(String subject, String name, String team) {
    }

    /** One block of work in a day: function, optional client, hours. */
    private record Block(String function, String client, double hours) {
    }

    /**
     * {@code serviceUrls} maps each API's area (time, metrics, costing) to the service that serves it; demo data is
     * loaded straight into them, so the gateway's rate limit does not slow the load. "gateway" is what users are shown.
     */
    DemoData(HttpClient http, Map<String, String> serviceUrls, KeycloakLogins logins) {
        this.http = http;
        this.serviceUrls = Map.copyOf(serviceUrls);
        this.logins = logins;
    }

    /** Loads both tenants side by side: they share nothing. */
    void load() throws Exception {
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try {
            Future<?> bpo = beside.submit(() -> {
                loadBpo();
                return null;
            });
            loadCallCenter();
            bpo.get();
        } finally {
            beside.shutdown();
        }
    }

    private void loadCallCenter() throws IOException, InterruptedException {
        ZoneId zone = ZoneId.of("America/New_York");
        if (!provision(CALL_CENTER, "Northwind Contact Center", zone, 50, 62)) {
            return;
        }
        List<Person> staff = List.of(
                new Person("demo-dana", "Dana Whitfield", "Workforce management"),
                new Person("demo-quinn", "Quinn Alvarez", "Quality"),
                new Person("demo-priya", "Priya Raman", "HR and payroll"),
                new Person("demo-omar", "Omar Haddad", "Operations"));
        addEmployees(CALL_CENTER, staff);
        // The seed's examples: 14 h of scheduling in two weeks (7 h per weekly schedule) and 40 h of QA.
        Map<String, List<Block>> day = Map.of(
                "demo-dana", List.of(new Block("SCHEDULING", null, 1.4), new Block("TIMESHEET_REVIEW", null, 1.0), new Block("OTHER", null, 2.0)),
                "demo-quinn", List.of(new Block("QA_EVALUATION", null, 4.0), new Block("OTHER", null, 1.5)),
                "demo-priya", List.of(new Block("PAYROLL", null, 2.5), new Block("LEAVE_MANAGEMENT", null, 1.0), new Block("OTHER", null, 1.0)),
                "demo-omar", List.of(new Block("REPORTING", null, 1.5), new Block("ONBOARDING", null, 1.5), new Block("COMPLIANCE", null, 0.5)));
        LocalDate today = LocalDate.now(zone);
        LocalDate firstMonday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY)).minusWeeks(2);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> interruptions = new ArrayList<>();
        for (LocalDate date = firstMonday; date.isBefore(firstMonday.plusWeeks(2)); date = date.plusDays(1)) {
            if (date.getDayOfWeek().getValue() > 5) {
                continue;
            }
            for (Person person : staff) {
                addDay(rows, zone, person, date, day.get(person.subject()));
                for (int i = 0; i < 4 + date.getDayOfMonth() % 5; i++) {
                    ZonedDateTime at = date.atTime(9, 40).plusMinutes(53L * i).atZone(zone);
                    interruptions.add(Map.of("employeeEmail", email(person), "occurredAt", at.toOffsetDateTime().toString(),
                            "kind", i % 3 == 0 ? "SUPERVISOR_AD_HOC_REQUEST" : i % 3 == 1 ? "AGENT_QUESTION" : "HR_QUESTION",
                            "minutes", 3 + i % 4));
                }
            }
        }
        importRows(CALL_CENTER, rows);
        logInterruptions(CALL_CENTER, interruptions);
        recordCallCenterOutput(firstMonday);
        addProcessFixes();
        planWorkload(firstMonday);
    }

    /**
     * Who owns what, the recurring deadlines (Priya's payroll and month-end report share their last working days, the
     * seed's overlap), a holiday and an objective, so the workload endpoints have something to show.
     */
    private void planWorkload(LocalDate firstMonday) throws IOException, InterruptedException {
        String manager = token(CALL_CENTER, "manager");
        String admin = token(CALL_CENTER, "tenant-admin");
        Map<String, Long> ids = employeeIds(CALL_CENTER);
        long dana = ids.get("dana@" + CALL_CENTER + ".example");
        long priya = ids.get("priya@" + CALL_CENTER + ".example");
        long omar = ids.get("omar@" + CALL_CENTER + ".example");
        send("PUT", "/api/metrics/ownership/PAYROLL", manager, Map.of("ownerEmployeeId", priya, "backupEmployeeId", omar,
                "handoffs", List.of(Map.of("from", "Supervisors", "to", "Payroll", "when", "Timesheets approved by Tuesday noon")),
                "definitionOfDone", "Everyone paid correctly on the pay date, corrections filed"), 200);
        send("PUT", "/api/metrics/ownership/SCHEDULING", manager, Map.of("ownerEmployeeId", dana,
                "definitionOfDone", "Next week's schedule published by Thursday with no coverage gaps"), 200);
        int year = firstMonday.getYear();
        send("POST", "/api/metrics/spikes/holidays", admin, Map.of("day", year + "-12-25", "name", "Christmas Day"), 201, 409);
        send("POST", "/api/metrics/spikes/deadlines", manager, Map.of("name", "Semi-monthly payroll", "kind", "PAY_DATE",
                "functionCode", "PAYROLL", "ownerEmployeeId", priya, "firstDate", year + "-01-15", "rrule", "FREQ=MONTHLY;BYMONTHDAY=15,-1",
                "runWorkingDays", 2, "expectedUnits", 1, "nonWorkingDay", "EARLIER"), 201, 409);
        send("POST", "/api/metrics/spikes/deadlines", manager, Map.of("name", "Month-end report", "kind", "REPORT_DUE",
                "functionCode", "REPORTING", "ownerEmployeeId", priya, "firstDate", year + "-01-31", "rrule", "FREQ=MONTHLY;BYMONTHDAY=-1",
                "runWorkingDays", 2, "expectedUnits", 1, "nonWorkingDay", "EARLIER"), 201, 409);
        send("POST", "/api/metrics/spikes/deadlines", manager, Map.of("name", "Weekly schedule", "kind", "SCHEDULING_DEADLINE",
                "functionCode", "SCHEDULING", "ownerEmployeeId", dana, "firstDate", firstMonday.toString(), "rrule", "FREQ=WEEKLY;BYDAY=TH",
                "runWorkingDays", 2, "expectedUnits", 1, "nonWorkingDay", "EARLIER"), 201, 409);
        send("POST", "/api/metrics/objectives", manager, Map.of("title", "Weekly schedule in under 4 hours", "functionCode", "SCHEDULING",
                "metric", "HOURS_PER_UNIT", "target", 4, "direction", "AT_MOST", "startDate", firstMonday.plusWeeks(2).toString(),
                "dueDate", firstMonday.plusWeeks(14).toString(), "ownerEmployeeId", dana), 201);
    }

    /** The seed's process fixes, to weigh against the call center's overtime. */
    private void addProcessFixes() throws IOException, InterruptedException {
        String admin = token(CALL_CENTER, "tenant-admin");
        send("POST", "/api/costing/process-fixes", admin, Map.of("name", "Scheduling software", "functionCode", "SCHEDULING",
                "monthlyCost", 250, "hoursSavedPerWeek", 4), 201, 409);
        send("POST", "/api/costing/process-fixes", admin, Map.of("name", "Automated time tracking", "functionCode", "TIMESHEET_REVIEW",
                "costPerUserMonth", 5, "users", 62, "hoursSavedPerWeek", 3), 201, 409);
    }

    /**
     * What the two weeks produced, so the baseline divides hours by units: 2 schedules (7 h each, slow for 50 agents),
     * 80 QA evaluations (30 min each, reasonable), and the other functions' output with a few quality findings.
     */
    private void recordCallCenterOutput(LocalDate firstMonday) throws IOException, InterruptedException {
        Map<String, Long> ids = employeeIds(CALL_CENTER);
        long dana = ids.get("dana@" + CALL_CENTER + ".example");
        long quinn = ids.get("quinn@" + CALL_CENTER + ".example");
        long priya = ids.get("priya@" + CALL_CENTER + ".example");
        long omar = ids.get("omar@" + CALL_CENTER + ".example");
        LocalDate secondMonday = firstMonday.plusWeeks(1);
        LocalDate end = firstMonday.plusWeeks(2);
        List<Map<String, Object>> outputs = List.of(
                output("SCHEDULING", dana, firstMonday, secondMonday, 1, "schedule-1"),
                output("SCHEDULING", dana, secondMonday, end, 1, "schedule-2"),
                output("TIMESHEET_REVIEW", dana, firstMonday, secondMonday, 50, "timesheets-1"),
                output("TIMESHEET_REVIEW", dana, secondMonday, end, 50, "timesheets-2"),
                output("QA_EVALUATION", quinn, firstMonday, end, 80, "qa"),
                output("PAYROLL", priya, firstMonday, end, 1, "pay-cycle"),
                output("LEAVE_MANAGEMENT", priya, firstMonday, end, 36, "leave"),
                output("REPORTING", omar, firstMonday, end, 10, "reports"),
                output("ONBOARDING", omar, firstMonday, end, 6, "hires"),
                output("COMPLIANCE", omar, firstMonday, end, 1, "audit"));
        String manager = token(CALL_CENTER, "manager");
        send("POST", "/api/metrics/outputs/batch", manager, Map.of("outputs", outputs), 200);
        List<Map<String, Object>> findings = List.of(
                finding("SCHEDULING", "COVERAGE_GAP", secondMonday.plusDays(2), 1, null, "gap-1"),
                finding("TIMESHEET_REVIEW", "PAYROLL_CORRECTION_AFTER_APPROVAL", end.minusDays(3), 2, null, "payroll-fix"),
                finding("QA_EVALUATION", "INTER_RATER_RELIABILITY", end.minusDays(4), null, 88, "calibration"),
                finding("PAYROLL", "PAY_CYCLE_CORRECTION", end.minusDays(2), 1, null, "pay-correction"),
                finding("REPORTING", "REPORT_REVISED", end.minusDays(5), 1, null, "report-revision"),
                finding("ONBOARDING", "DAY_ONE_ACCESS_ERROR", firstMonday.plusDays(7), 2, null, "access"),
                finding("LEAVE_MANAGEMENT", "REQUEST_TURNAROUND", end.minusDays(1), null, 20, "turnaround"));
        for (Map<String, Object> finding : findings) {
            send("POST", "/api/metrics/quality-events", manager, finding, 200, 201);
        }
    }

    private static Map<String, Object> output(String function, long employeeId, LocalDate start, LocalDate end, int units, String ref) {
        Map<String, Object> output = new LinkedHashMap<>(Map.of("functionCode", function, "employeeId", employeeId,
                "periodStart", start.toString(), "periodEnd", end.toString(), "units", units, "externalRef", "demo-" + ref + "-" + start));
        if (function.equals("PAYROLL")) {
            output.put("employeesCovered", 62);
        }
        return output;
    }

    private static Map<String, Object> finding(String function, String kind, LocalDate day, Integer count, Integer measured, String ref) {
        Map<String, Object> finding = new LinkedHashMap<>(Map.of("functionCode", function, "kind", kind, "occurredOn", day.toString(),
                "externalRef", "demo-" + ref + "-" + day));
        if (count != null) {
            finding.put("count", count);
        }
        if (measured != null) {
            finding.put("measured", measured);
        }
        return finding;
    }

    private void loadBpo() throws IOException, InterruptedException {
        ZoneId zone = ZoneId.of("America/Chicago");
        if (!provision(BPO, "Harbor BPO", zone, 120, 140)) {
            return;
        }
        List<Person> staff = List.of(
                new Person("demo-bpo-ava", "Ava Brooks", "Client services"),
                new Person("demo-bpo-leo", "Leo Santos", "Client services"),
                new Person("demo-bpo-mia", "Mia Chen", "Finance"),
                new Person("demo-bpo-noah", "Noah Patel", "Compliance"));
        addEmployees(BPO, staff);
        for (String[] client : new String[][] {{"CLIENT-A", "Client A"}, {"CLIENT-B", "Client B"}, {"CLIENT-C", "Client C"}}) {
            send("POST", "/api/time/clients", token(BPO, "tenant-admin"),
                    Map.of("code", client[0], "name", client[1]), 201);
        }
        // Last month's back-office hours per client, in 2-hour blocks spread over the team's working days.
        List<Block> blocks = new ArrayList<>();
        String[] functions = {"REPORTING", "INVOICING", "QA_EVALUATION", "COMPLIANCE"};
        int[] blocksPerClient = {40, 100, 80};
        String[] codes = {"CLIENT-A", "CLIENT-B", "CLIENT-C"};
        for (int c = 0; c < codes.length; c++) {
            for (int i = 0; i < blocksPerClient[c]; i++) {
                blocks.add(new Block(functions[i % functions.length], codes[c], 2.0));
            }
        }
        YearMonth month = YearMonth.now(zone).minusMonths(1);
        List<LocalDate> workdays = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                workdays.add(d);
            }
        }
        Map<String, List<Block>> plan = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            int slot = i % (workdays.size() * staff.size());
            String key = slot / staff.size() + ":" + slot % staff.size();
            plan.computeIfAbsent(key, k -> new ArrayList<>()).add(blocks.get(i));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        plan.forEach((key, dayBlocks) -> {
            String[] parts = key.split(":");
            addDay(rows, zone, staff.get(Integer.parseInt(parts[1])), workdays.get(Integer.parseInt(parts[0])), dayBlocks);
        });
        importRows(BPO, rows);
        recordBpoOutput(month);
        setBpoFinancials(month);
    }

    /** The seed's client table: revenue and agent cost per client; back-office cost comes from the hours at $25. */
    private void setBpoFinancials(YearMonth month) throws IOException, InterruptedException {
        String admin = token(BPO, "tenant-admin");
        long[][] figures = {{50_000, 35_000, 40}, {50_000, 35_000, 40}, {30_000, 20_000, 25}};
        String[] codes = {"CLIENT-A", "CLIENT-B", "CLIENT-C"};
        for (int c = 0; c < codes.length; c++) {
            send("PUT", "/api/costing/clients/" + codes[c] + "/months/" + month, admin,
                    Map.of("revenue", figures[c][0], "agentCost", figures[c][1], "agentHeadcount", figures[c][2]), 200, 201);
        }
    }

    /** Each client's reports, invoices, evaluations and audits of the month. */
    private void recordBpoOutput(YearMonth month) throws IOException, InterruptedException {
        Map<String, Long> ids = employeeIds(BPO);
        long mia = ids.get("bpo-mia@" + BPO + ".example");
        LocalDate start = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        List<Map<String, Object>> outputs = new ArrayList<>();
        String[] codes = {"CLIENT-A", "CLIENT-B", "CLIENT-C"};
        int[][] units = {{4, 2, 30, 1}, {12, 6, 60, 2}, {8, 3, 50, 2}};
        String[] functions = {"REPORTING", "INVOICING", "QA_EVALUATION", "COMPLIANCE"};
        for (int c = 0; c < codes.length; c++) {
            for (int f = 0; f < functions.length; f++) {
                Map<String, Object> output = output(functions[f], mia, start, end, units[c][f], codes[c] + "-" + functions[f]);
                output.put("clientCode", codes[c]);
                outputs.add(output);
            }
        }
        send("POST", "/api/metrics/outputs/batch", token(BPO, "manager"), Map.of("outputs", outputs), 200);
    }

    /** Provisions a tenant; false when it already exists (a database kept from an earlier run). */
    private boolean provision(String tenant, String name, ZoneId zone, int agents, int employees)
            throws IOException, InterruptedException {
        int status = send("POST", "/api/time/tenants", token(null, "platform-admin"),
                Map.of("id", tenant, "name", name, "timeZone", zone.getId(), "currency", "USD", "agents", agents, "employees", employees),
                201, 409);
        return status == 201;
    }

    private void addEmployees(String tenant, List<Person> people) throws IOException, InterruptedException {
        for (Person person : people) {
            send("POST", "/api/time/employees", token(tenant, "tenant-admin"),
                    Map.of("name", person.name(), "email", email(person), "subject", person.subject(), "team", person.team()), 201);
        }
    }

    private void addDay(List<Map<String, Object>> rows, ZoneId zone, Person person, LocalDate date, List<Block> blocks) {
        ZonedDateTime start = date.atTime(LocalTime.of(9, 0)).atZone(zone);
        for (Block block : blocks) {
            ZonedDateTime end = start.plusMinutes(Math.round(block.hours() * 60));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("externalRef", "demo-" + person.subject() + "-" + start.toLocalDateTime());
            row.put("employeeEmail", email(person));
            row.put("functionCode", block.function());
            row.put("clientCode", block.client());
            row.put("startedAt", start.toOffsetDateTime().toString());
            row.put("endedAt", end.toOffsetDateTime().toString());
            row.put("zone", zone.getId());
            rows.add(row);
            start = end;
        }
    }

    private void importRows(String tenant, List<Map<String, Object>> rows) throws IOException, InterruptedException {
        send("POST", "/api/time/entries/import", token(tenant, "manager"), rows, 200);
    }

    private void logInterruptions(String tenant, List<Map<String, Object>> interruptions) throws IOException, InterruptedException {
        String manager = token(tenant, "manager");
        Map<String, Long> ids = employeeIds(tenant);
        for (Map<String, Object> interruption : interruptions) {
            Map<String, Object> body = new LinkedHashMap<>(interruption);
            body.put("employeeId", ids.get((String) body.remove("employeeEmail")));
            send("POST", "/api/time/interruptions", manager, body, 201);
        }
    }

    private Map<String, Long> employeeIds(String tenant) throws IOException, InterruptedException {
        Map<String, Long> ids = new LinkedHashMap<>();
        // The demo tenants are far below one page of the largest size.
        JsonNode employees = json.readTree(get("/api/time/employees?size=1000", token(tenant, "manager"))).get("items");
        employees.forEach(e -> ids.put(e.get("email").asText(), e.get("id").asLong()));
        return ids;
    }

    void printLogins(String realmUrl) {
        System.out.println("  Demo logins (password \"" + KeycloakLogins.PASSWORD + "\") in Keycloak " + realmUrl + ":");
        System.out.println("    " + CALL_CENTER + " (call center): cc-admin, cc-manager, cc-analyst, dana (staff)");
        System.out.println("    " + BPO + " (BPO with CLIENT-A/B/C): bpo-admin, bpo-manager, bpo-analyst, ava (staff)");
        System.out.println("    platform-admin (creates tenants)");
        LocalDate baselineStart = LocalDate.now().with(TemporalAdjusters.previous(DayOfWeek.MONDAY)).minusWeeks(2);
        YearMonth lastMonth = YearMonth.now().minusMonths(1);
        System.out.println("  try:");
        System.out.println("    TOKEN=$(curl -s -d client_id=backlight-cli -d grant_type=password -d username=cc-manager -d password="
                + KeycloakLogins.PASSWORD + " " + realmUrl + "/protocol/openid-connect/token | jq -r .access_token)");
        System.out.println("    curl -H \"Authorization: Bearer $TOKEN\" \"" + serviceUrls.get("gateway") + "/api/metrics/baseline?from="
                + baselineStart + "\"");
        System.out.println("    (as bpo-manager) " + serviceUrls.get("gateway") + "/api/costing/profitability?from=" + lastMonth + "&to=" + lastMonth);
    }

    private String token(String tenant, String role) {
        return tokens.computeIfAbsent(tenant + "/" + role, key -> logins.token(tenant, role));
    }

    private static String email(Person person) {
        return person.subject().replace("demo-", "") + "@" + (person.subject().startsWith("demo-bpo") ? BPO : CALL_CENTER) + ".example";
    }

    private String get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private int send(String method, String path, String token, Object body, int... expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120))
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return status;
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    /** Each path goes to the service that owns it: /api/{area}/... */
    private URI uri(String path) {
        return URI.create(serviceUrls.get(path.split("/")[2]) + path);
    }
}
