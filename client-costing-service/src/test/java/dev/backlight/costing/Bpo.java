package dev.backlight.costing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import dev.backlight.testing.TestTenant;

/** A fresh BPO tenant per test, with its money set up in client-costing-service over this service's API. */
final class Bpo extends TestTenant {

    private Bpo(String tenant) {
        super(tenant);
    }

    static Bpo withCurrency(String currency) {
        return new Bpo(provision("c-", "America/Chicago", currency, 120, 140));
    }

    static Bpo inDollars() {
        return withCurrency("USD");
    }

    /** A client account named after its last letter: CLIENT-A is "Client A". */
    void client(String code) {
        client(code, "Client " + code.substring(code.length() - 1));
    }

    /** Logs {@code minutes} of reporting time on a day; {@code clientCode} null for shared time. */
    void logs(long employeeId, String clientCode, LocalDate day, int minutes) {
        logs(employeeId, "REPORTING", clientCode, day.toString(), minutes);
    }

    /** Logs {@code hours} of reporting for a client in 8-hour days from {@code firstDay} on. */
    void logsHours(long employeeId, String clientCode, String firstDay, int hours) {
        logsHours(employeeId, "REPORTING", clientCode, firstDay, hours);
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
}
