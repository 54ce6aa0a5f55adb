package dev.backlight.metrics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import dev.backlight.testing.TestTenant;

/** A fresh tenant per test, with its outputs and findings recorded in metrics-service over this service's API. */
final class Operation extends TestTenant {

    private Operation(String tenant) {
        super(tenant);
    }

    /** A tenant in New York whose operation has {@code agents} agents and {@code employees} employees from 2026-01-01. */
    static Operation withAgents(int agents, int employees) {
        Operation operation = new Operation(provision("m-", "America/New_York", "USD", agents, employees));
        operation.headcountFrom(LocalDate.parse("2026-01-01"), agents, employees);
        return operation;
    }

    void client(String code) {
        client(code, "Client " + code);
    }

    /** Logs {@code hours} of one function, as shared time, in days of at most 8 hours from {@code firstDay} on. */
    void logsHours(long employeeId, String function, String firstDay, int hours) {
        logsHours(employeeId, function, null, firstDay, hours);
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
}
