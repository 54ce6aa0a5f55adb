package dev.backlight.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/**
 * A fresh tenant for one test, with a token per role, whose directory and time are set up in the real time-service
 * (started by {@link UpstreamServices}) over its API. Services' test fixtures extend it with their own records.
 */
public class TestTenant {

    public final String tenant;
    public final String adminToken;
    public final String managerToken;
    public final String analystToken;

    protected TestTenant(String tenant) {
        this.tenant = tenant;
        this.adminToken = TestTokens.token(tenant, "admin-" + tenant, "tenant-admin");
        this.managerToken = TestTokens.token(tenant, "manager-" + tenant, "manager");
        this.analystToken = TestTokens.token(tenant, "analyst-" + tenant, "analyst");
    }

    /** Provisions a tenant with a random id starting with {@code prefix}; returns the id. */
    protected static String provision(String prefix, String timeZone, String currency, int agents, int employees) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 12);
        timeService(TestTokens.token(null, "platform-root", "platform-admin"))
                .body(Map.of("id", id, "name", "Tenant " + id, "timeZone", timeZone, "currency", currency, "agents", agents,
                        "employees", employees))
                .post("/api/time/tenants").then().statusCode(201);
        return id;
    }

    public void headcountFrom(LocalDate effectiveFrom, int agents, int employees) {
        timeService(adminToken).body(Map.of("effectiveFrom", effectiveFrom.toString(), "agents", agents, "employees", employees))
                .put("/api/time/tenant/headcount").then().statusCode(200);
    }

    /** Adds an employee of the given team who logs in as {@code subject}; returns their id. */
    public long employee(String subject, String team) {
        return timeService(adminToken)
                .body(Map.of("name", "Employee " + subject, "email", subject + "@" + tenant + ".example", "subject", subject, "team", team))
                .post("/api/time/employees").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Adds an employee with their own schedule: {@code schedule} holds any of timeZone, workDays, workStart,
     * workEnd, weeklyContractHours; returns their id.
     */
    public long employee(String subject, String team, Map<String, Object> schedule) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Employee " + subject, "email", subject + "@" + tenant + ".example",
                "subject", subject, "team", team));
        body.putAll(schedule);
        return timeService(adminToken).body(body).post("/api/time/employees").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Marks an employee as having left, keeping the rest of their record. */
    public void deactivate(long employeeId) {
        Map<String, Object> employee = new HashMap<>(timeService(adminToken).get("/api/time/employees/" + employeeId).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        employee.remove("id");
        employee.put("active", false);
        timeService(adminToken).body(employee).put("/api/time/employees/" + employeeId).then().statusCode(200);
    }

    /** Logs timed work from {@code startedAt} to {@code endedAt} (ISO instants or offset date-times). */
    public void works(long employeeId, String function, String startedAt, String endedAt) {
        timeService(managerToken).body(Map.of("employeeId", employeeId, "functionCode", function, "startedAt", startedAt,
                "endedAt", endedAt)).post("/api/time/entries").then().statusCode(201);
    }

    public void client(String code, String name) {
        timeService(adminToken).body(Map.of("code", code, "name", name)).post("/api/time/clients").then().statusCode(201);
    }

    /** Logs {@code minutes} of manual time on a day; {@code clientCode} null for shared time. */
    public void logs(long employeeId, String function, String clientCode, String day, int minutes) {
        Map<String, Object> body = new HashMap<>(Map.of("employeeId", employeeId, "functionCode", function, "workDate", day,
                "durationMinutes", minutes));
        if (clientCode != null) {
            body.put("clientCode", clientCode);
        }
        timeService(managerToken).body(body).post("/api/time/entries").then().statusCode(201);
    }

    /** Logs {@code hours} in days of at most 8 hours, from {@code firstDay} on. */
    public void logsHours(long employeeId, String function, String clientCode, String firstDay, int hours) {
        LocalDate day = LocalDate.parse(firstDay);
        for (int left = hours; left > 0; left -= 8) {
            logs(employeeId, function, clientCode, day.toString(), Math.min(left, 8) * 60);
            day = day.plusDays(1);
        }
    }

    public void interruption(long employeeId, String occurredAt, String kind, int minutes) {
        timeService(managerToken).body(Map.of("employeeId", employeeId, "occurredAt", occurredAt, "kind", kind, "minutes", minutes))
                .post("/api/time/interruptions").then().statusCode(201);
    }

    public RequestSpecification as(String token) {
        return Api.as(token);
    }

    public RequestSpecification asAdmin() {
        return as(adminToken);
    }

    public RequestSpecification asManager() {
        return as(managerToken);
    }

    public RequestSpecification asAnalyst() {
        return as(analystToken);
    }

    /** The tenant's week starts on {@code day}, as its admin sets it in time-service. */
    public void weekStartsOn(String day) {
        Map<String, Object> tenant = new HashMap<>(timeService(adminToken).get("/api/time/tenant").then().statusCode(200)
                .extract().jsonPath().getMap(""));
        timeService(adminToken).body(Map.of("name", tenant.get("name"), "timeZone", tenant.get("timeZone"),
                "currency", tenant.get("currency"), "weekStart", day)).put("/api/time/tenant").then().statusCode(200);
    }

    public static RequestSpecification timeService(String token) {
        return Api.upstream("time-service", token);
    }
}
