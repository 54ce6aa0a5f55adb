package dev.backlight.costing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.backlight.testing.Api;
import dev.backlight.testing.TestTokens;
import io.restassured.specification.RequestSpecification;

/**
 * A fresh BPO tenant per test: its directory and hours set up in the real time-service over its API, its money set
 * up in client-costing-service over this service's API.
 */
final class Bpo {

    final String tenant;
    final String adminToken;
    final String managerToken;
    final String analystToken;

    private Bpo(String tenant) {
        this.tenant = tenant;
        this.adminToken = TestTokens.token(tenant, "admin-" + tenant, "tenant-admin");
        this.managerToken = TestTokens.token(tenant, "manager-" + tenant, "manager");
        this.analystToken = TestTokens.token(tenant, "analyst-" + tenant, "analyst");
    }

    static Bpo withCurrency(String currency) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 12);
        timeService(TestTokens.token(null, "platform-root", "platform-admin"))
                .body(Map.of("id", id, "name", "BPO " + id, "timeZone", "America/Chicago", "currency", currency, "agents", 120,
                        "employees", 140))
                .post("/api/time/tenants").then().statusCode(201);
        return new Bpo(id);
    }

    static Bpo inDollars() {
        return withCurrency("USD");
    }

    long employee(String subject, String team) {
        return timeService(adminToken)
                .body(Map.of("name", "Employee " + subject, "email", subject + "@" + tenant + ".example", "subject", subject, "team", team))
                .post("/api/time/employees").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    void client(String code) {
        timeService(adminToken).body(Map.of("code", code, "name", "Client " + code.substring(code.length() - 1)))
                .post("/api/time/clients").then().statusCode(201);
    }

    /** Logs {@code minutes} of manual time on a day; {@code clientCode} null for shared time. */
    void logs(long employeeId, String clientCode, LocalDate day, int minutes) {
        Map<String, Object> body = new HashMap<>(Map.of("employeeId", employeeId, "functionCode", "REPORTING", "workDate", day.toString(),
                "durationMinutes", minutes));
        if (clientCode != null) {
            body.put("clientCode", clientCode);
        }
        timeService(managerToken).body(body).post("/api/time/entries").then().statusCode(201);
    }

    /** Logs {@code hours} for a client in 8-hour days from {@code firstDay} on. */
    void logsHours(long employeeId, String clientCode, String firstDay, int hours) {
        LocalDate day = LocalDate.parse(firstDay);
        for (int left = hours; left > 0; left -= 8) {
            logs(employeeId, clientCode, day, Math.min(left, 8) * 60);
            day = day.plusDays(1);
        }
    }

    void financials(String clientCode, String month, long revenue, long agentCost, Integer headcount) {
        Map<String, Object> body = new HashMap<>(Map.of("revenue", revenue, "agentCost", agentCost));
        if (headcount != null) {
            body.put("agentHeadcount", headcount);
        }
        asAdmin().body(body).put("/api/costing/clients/" + clientCode + "/months/" + month).then().statusCode(201);
    }

    void rate(Map<String, Object> rate) {
        asAdmin().body(rate).post("/api/costing/rates").then().statusCode(201);
    }

    void policy(String allocation) {
        asAdmin().body(Map.of("overtimeWeeklyThresholdHours", 40, "overtimeMultiplier", 1.5, "allocation", allocation))
                .put("/api/costing/policy").then().statusCode(200);
    }

    RequestSpecification as(String token) {
        return Api.as(token);
    }

    RequestSpecification asAdmin() {
        return as(adminToken);
    }

    RequestSpecification asManager() {
        return as(managerToken);
    }

    RequestSpecification asAnalyst() {
        return as(analystToken);
    }

    static RequestSpecification timeService(String token) {
        return Api.upstream("time-service", token);
    }
}
