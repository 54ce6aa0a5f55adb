package dev.backlight.time;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.Recordings.Recording;
import dev.backlight.testing.Recordings;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * time-service still answers every call metrics-service and client-costing-service make with the shape they recorded
 * (test-support's {@code contracts/time-service}). Run with {@code -Dcontracts.record=<folder>} to record them anew
 * into that folder after a deliberate change; the readers' contract tests then show what they must follow.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ClientContractTest {

    private static final String FROM = "2026-03-02";
    private static final String TO = "2026-03-09";

    Fixture fx;
    Map<String, String> tokens;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("America/New_York");
        fx.asAdmin().body(Map.of("name", "Dana Whitfield", "email", "dana@" + fx.tenant + ".example", "subject", "dana", "team", "WFM",
                "timeZone", "America/New_York", "workDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "workStart", "09:00", "workEnd", "17:00", "weeklyContractHours", 40))
                .post("/api/time/employees").then().statusCode(201);
        long dana = fx.asAdmin().get("/api/time/employees").then().extract().jsonPath().getLong("items[0].id");
        fx.asAdmin().body(Map.of("code", "CLIENT-A", "name", "Client A")).post("/api/time/clients").then().statusCode(201);
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "SCHEDULING", "clientCode", "CLIENT-A",
                "startedAt", "2026-03-02T14:00:00Z", "endedAt", "2026-03-02T16:00:00Z")).post("/api/time/entries").then().statusCode(201);
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "REPORTING",
                "startedAt", "2026-03-03T14:00:00Z", "endedAt", "2026-03-03T15:30:00Z")).post("/api/time/entries").then().statusCode(201);
        fx.asManager().body(Map.of("employeeId", dana, "kind", "AGENT_QUESTION", "occurredAt", "2026-03-02T15:00:00Z", "minutes", 5))
                .post("/api/time/interruptions").then().statusCode(201);
        tokens = Map.of("manager", fx.managerToken, "staff", fx.staffToken("dana"));
    }

    @Test
    void everyRecordedCallStillAnswersTheRecordedShape() {
        String recordInto = System.getProperty("contracts.record");
        for (String name : Recordings.TIME_SERVICE) {
            if (recordInto != null) {
                Call call = CALLS.get(name);
                String body = fx.as(tokens.get(call.role())).get(call.path()).then().statusCode(200).extract().asString();
                Recordings.write(Path.of(recordInto), name, call.role(), call.path(), body);
                continue;
            }
            Recording recording = Recordings.timeService(name);
            String body = fx.as(tokens.get(recording.role())).get(recording.path()).then().statusCode(200).extract().asString();
            Recordings.assertConforms(recording.response(), body, name);
        }
    }

    private record Call(String role, String path) {
    }

    /** The calls as the readers' clients make them (see their TimeServiceClient interfaces). */
    private static final Map<String, Call> CALLS = Map.ofEntries(
            Map.entry("tenant", new Call("manager", "/api/time/tenant")),
            Map.entry("headcount", new Call("manager", "/api/time/tenant/headcount?page=0&size=1000")),
            Map.entry("functions", new Call("manager", "/api/time/functions?includeRetired=true&page=0&size=1000")),
            Map.entry("employees", new Call("manager", "/api/time/employees?includeInactive=true&page=0&size=1000")),
            Map.entry("me", new Call("staff", "/api/time/employees/me")),
            Map.entry("clients", new Call("manager", "/api/time/clients?includeInactive=true&page=0&size=1000")),
            Map.entry("hours-by-function", new Call("manager", "/api/time/reports/hours?from=" + FROM + "&to=" + TO + "&groupBy=function&bucket=total")),
            Map.entry("hours-by-function-and-month", new Call("manager", "/api/time/reports/hours?from=" + FROM + "&to=" + TO + "&groupBy=function&bucket=month")),
            Map.entry("hours-by-employee-and-day", new Call("manager", "/api/time/reports/hours?from=" + FROM + "&to=" + TO + "&groupBy=employee&bucket=day")),
            Map.entry("hours-by-client-and-employee", new Call("manager", "/api/time/reports/hours?from=" + FROM + "&to=" + TO + "&groupBy=client,employee&bucket=total")),
            Map.entry("hours-by-client-and-function", new Call("manager", "/api/time/reports/hours?from=" + FROM + "&to=" + TO + "&groupBy=client,function&bucket=total")),
            Map.entry("person-days-by-function-employee-and-month", new Call("manager", "/api/time/reports/hours?from=" + FROM + "&to=" + TO
                    + "&groupBy=function,employee&bucket=month&functionCode=SCHEDULING&personDays=true")),
            Map.entry("interruptions", new Call("manager", "/api/time/reports/interruptions?from=" + FROM + "&to=" + TO)),
            Map.entry("timeline", new Call("manager", "/api/time/reports/timeline?from=" + FROM + "&to=" + TO)),
            Map.entry("interruption-moments", new Call("manager", "/api/time/reports/interruption-moments?from=" + FROM + "&to=" + TO)));
}
