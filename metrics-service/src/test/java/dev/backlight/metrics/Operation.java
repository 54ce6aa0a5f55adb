package dev.backlight.metrics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.backlight.testing.Api;
import dev.backlight.testing.TestTokens;
import io.restassured.specification.RequestSpecification;

/**
 * A fresh tenant per test: its directory, headcount and hours set up in the real time-service over its API, its
 * outputs and findings recorded in metrics-service over this service's API.
 */
final class Operation {

    final String tenant;
    final String adminToken;
    final String managerToken;
    final String analystToken;

    private Operation(String tenant) {
        this.tenant = tenant;
        this.adminToken = TestTokens.token(tenant, "admin-" + tenant, "tenant-admin");
        this.managerToken = TestTokens.token(tenant, "manager-" + tenant, "manager");
        this.analystToken = TestTokens.token(tenant, "analyst-" + tenant, "analyst");
    }

    /** A tenant in New York whose operation has {@code agents} agents and {@code employees} employees from 2026-01-01. */
    static Operation withAgents(int agents, int employees) {
        String id = "m-" + UUID.randomUUID().toString().substring(0, 12);
        timeService(TestTokens.token(null, "platform-root", "platform-admin"))
                .body(Map.of("id", id, "name", "Operation " + id, "timeZone", "America/New_York", "currency", "USD",
                        "agents", agents, "employees", employees))
                .post("/api/time/tenants").then().statusCode(201);
        Operation operation = new Operation(id);
        operation.headcountFrom(LocalDate.parse("2026-01-01"), agents, employees);
        return operation;
    }

    void headcountFrom(LocalDate effectiveFrom, int agents, int employees) {
        timeService(adminToken).body(Map.of("effectiveFrom", effectiveFrom.toString(), "agents", agents, "employees", employees))
                .put("/api/time/tenant/headcount").then().statusCode(200);
    }

    /** Adds an employee of the given team who logs in as {@code subject}; returns their id. */
    long employee(String subject, String team) {
        return timeService(adminToken)
                .body(Map.of("name", "Employee " + subject, "email", subject + "@" + tenant + ".example", "subject", subject, "team", team))
                .post("/api/time/employees").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void client(String code) {
        timeService(adminToken).body(Map.of("code", code, "name", "Client " + code)).post("/api/time/clients").then().statusCode(201);
    }

    /** Logs {@code minutes} of manual time on a day; {@code clientCode} may be null for shared time. */
    void logs(long employeeId, String function, String clientCode, String day, int minutes) {
        Map<String, Object> body = new HashMap<>(Map.of("employeeId", employeeId, "functionCode", function, "workDate", day,
                "durationMinutes", minutes));
        if (clientCode != null) {
            body.put("clientCode", clientCode);
        }
        timeService(managerToken).body(body).post("/api/time/entries").then().statusCode(201);
    }

    /** Logs {@code hours} of one function, split into whole days of at most 8 hours starting on {@code firstDay}. */
    void logsHours(long employeeId, String function, String firstDay, int hours) {
        LocalDate day = LocalDate.parse(firstDay);
        for (int left = hours; left > 0; left -= 8) {
            logs(employeeId, function, null, day.toString(), Math.min(left, 8) * 60);
            day = day.plusDays(1);
        }
    }

    /** Logs an interruption in time-service. */
    void interruption(long employeeId, String occurredAt, String kind, int minutes) {
        timeService(managerToken).body(Map.of("employeeId", employeeId, "occurredAt", occurredAt, "kind", kind, "minutes", minutes))
                .post("/api/time/interruptions").then().statusCode(201);
    }

    /** Records output through metrics-service; returns its id. */
    long output(String function, Long employeeId, String periodStart, String periodEnd, int units) {
        Map<String, Object> body = new HashMap<>(Map.of("functionCode", function, "periodStart", periodStart, "periodEnd", periodEnd,
                "units", units));
        if (employeeId != null) {
            body.put("employeeId", employeeId);
        }
        return asManager().body(body).post("/api/metrics/outputs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void finding(String function, String kind, String day, Integer count, Number measured) {
        Map<String, Object> body = new HashMap<>(Map.of("functionCode", function, "kind", kind, "occurredOn", day));
        if (count != null) {
            body.put("count", count);
        }
        if (measured != null) {
            body.put("measured", measured);
        }
        asManager().body(body).post("/api/metrics/quality-events").then().statusCode(201);
    }

    RequestSpecification as(String token) {
        return Api.as(token);
    }

    RequestSpecification asManager() {
        return as(managerToken);
    }

    RequestSpecification asAdmin() {
        return as(adminToken);
    }

    RequestSpecification asAnalyst() {
        return as(analystToken);
    }

    static RequestSpecification timeService(String token) {
        return Api.upstream("time-service", token);
    }
}
