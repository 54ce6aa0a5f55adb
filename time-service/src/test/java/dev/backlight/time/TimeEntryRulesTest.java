package dev.backlight.time;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class TimeEntryRulesTest {

    Fixture fx;
    long dana;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("America/New_York");
        dana = fx.employee("dana");
    }

    @Test
    void overlappingEntryIsRefusedWith409NamingTheConflictingEntry() {
        long first = fx.asManager().body(Fixture.timed(dana, "SCHEDULING", "2026-03-02T14:00:00Z", "2026-03-02T16:00:00Z"))
                .post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        fx.asManager().body(Fixture.timed(dana, "REPORTING", "2026-03-02T15:59:00Z", "2026-03-02T17:00:00Z"))
                .post("/api/time/entries").then().statusCode(409)
                .contentType("application/problem+json")
                .body("conflictingEntryId", equalTo((int) first))
                .body("detail", containsString("entry " + first));
    }

    @Test
    void entryStartingTheSecondTheLastOneEndsIsAccepted() {
        fx.asManager().body(Fixture.timed(dana, "SCHEDULING", "2026-03-02T14:00:00Z", "2026-03-02T16:00:00Z"))
                .post("/api/time/entries").then().statusCode(201);
        fx.asManager().body(Fixture.timed(dana, "REPORTING", "2026-03-02T16:00:00Z", "2026-03-02T17:00:00Z"))
                .post("/api/time/entries").then().statusCode(201).body("durationMinutes", equalTo(60.0f));
    }

    @Test
    void entryLongerThan24HoursIsRefusedNamingEndedAt() {
        fx.asManager().body(Fixture.timed(dana, "PAYROLL", "2026-03-02T00:00:00Z", "2026-03-03T00:00:01Z"))
                .post("/api/time/entries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("endedAt"));
    }

    @Test
    void entryEndingInTheFutureIsRefused() {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        fx.asManager().body(Fixture.timed(dana, "PAYROLL", start.toString(), start.plus(3, ChronoUnit.HOURS).toString()))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("endedAt"))
                .body("errors.message", hasItem("is in the future"));
    }

    @Test
    void entryEndingBeforeItStartsIsRefused() {
        fx.asManager().body(Fixture.timed(dana, "PAYROLL", "2026-03-02T16:00:00Z", "2026-03-02T15:00:00Z"))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("endedAt"));
    }

    @Test
    void manualEntryTakesADateAndADuration() {
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "QA_EVALUATION", "workDate", "2026-03-04",
                        "durationMinutes", 90, "clientCode", client("CLIENT-A")))
                .post("/api/time/entries").then().statusCode(201)
                .body("workDate", equalTo("2026-03-04")).body("durationMinutes", equalTo(90.0f))
                .body("startedAt", is((Object) null)).body("clientCode", equalTo("CLIENT-A"));
    }

    @Test
    void dayHoldingMoreThan24HoursIsRefused() {
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 1000))
                .post("/api/time/entries").then().statusCode(201);
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 600))
                .post("/api/time/entries").then().statusCode(409).body("type", containsString("day-full"));
    }

    @Test
    void retriedCreateWithTheSameExternalRefReturnsTheSameEntry() {
        Map<String, Object> body = new HashMap<>(Fixture.timed(dana, "REPORTING", "2026-03-05T14:00:00Z", "2026-03-05T15:00:00Z"));
        body.put("externalRef", "mobile-123");
        long id = fx.asManager().body(body).post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        fx.asManager().body(body).post("/api/time/entries").then().statusCode(200).body("id", equalTo((int) id));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(1));
        // Another request under the same externalRef is not a retry: it is refused, and nothing changes.
        Map<String, Object> longer = new HashMap<>(body);
        longer.put("endedAt", "2026-03-05T16:00:00Z");
        fx.asManager().body(longer).post("/api/time/entries").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("external-ref-reused"))
                .body("storedId", equalTo((int) id));
        // Another tenant's equal externalRef is its own.
        Fixture other = Fixture.tenant("Europe/London");
        long ola = other.employee("ola");
        Map<String, Object> theirs = new HashMap<>(Fixture.timed(ola, "REPORTING", "2026-03-05T14:00:00Z", "2026-03-05T15:00:00Z"));
        theirs.put("externalRef", "mobile-123");
        other.asManager().body(theirs).post("/api/time/entries").then().statusCode(201);
    }

    @Test
    void editFollowsTheSameRulesAndChecksTheVersion() {
        fx.asManager().body(Fixture.timed(dana, "SCHEDULING", "2026-03-02T14:00:00Z", "2026-03-02T16:00:00Z"))
                .post("/api/time/entries").then().statusCode(201);
        var second = fx.asManager().body(Fixture.timed(dana, "REPORTING", "2026-03-02T17:00:00Z", "2026-03-02T18:00:00Z"))
                .post("/api/time/entries").then().statusCode(201).extract().jsonPath();
        long id = second.getLong("id");
        Map<String, Object> overlapping = new HashMap<>(Fixture.timed(dana, "REPORTING", "2026-03-02T15:00:00Z", "2026-03-02T18:00:00Z"));
        fx.asManager().body(overlapping).put("/api/time/entries/" + id).then().statusCode(409).body("type", containsString("overlap"));
        Map<String, Object> moved = new HashMap<>(Fixture.timed(dana, "REPORTING", "2026-03-02T16:00:00Z", "2026-03-02T18:00:00Z"));
        moved.put("version", 0);
        fx.asManager().body(moved).put("/api/time/entries/" + id).then().statusCode(200)
                .body("durationMinutes", equalTo(120.0f)).body("version", equalTo(1));
        fx.asManager().body(moved).put("/api/time/entries/" + id).then().statusCode(409)
                .body("type", containsString("concurrent-change"));
        fx.asManager().delete("/api/time/entries/" + id).then().statusCode(204);
        fx.asManager().get("/api/time/entries/" + id).then().statusCode(404);
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        fx.asManager().body("{\"employeeId\": " + dana + ", \"functionCode\": \"SCHEDULING\", \"startedAt\": \"yesterday\"}")
                .post("/api/time/entries").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("startedAt"));
        fx.asManager().body("{\"employeeId\": \"twelve\"}")
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("employeeId"));
        fx.asManager().body("{not json").post("/api/time/entries").then().statusCode(400)
                .contentType("application/problem+json");
        fx.asManager().body(Map.of("employeeId", dana, "workDate", "2026-03-04", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("functionCode"));
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "NOPE", "workDate", "2026-03-04", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("functionCode"));
        fx.asManager().body(Map.of("employeeId", 999_999, "functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("employeeId"));
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "OTHER", "workDate", "2026-03-04", "durationMinutes", 0))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("durationMinutes"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void retiredFunctionTakesNoNewTimeButKeepsItsHistory() {
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "COMPLIANCE", "workDate", "2026-03-04", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(201);
        fx.asAdmin().post("/api/time/functions/COMPLIANCE/retire").then().statusCode(200);
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "COMPLIANCE", "workDate", "2026-03-05", "durationMinutes", 30))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("functionCode"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/reports/hours")
                .then().statusCode(200).body("rows.functionCode", hasItem("COMPLIANCE"));
    }

    private String client(String code) {
        fx.asAdmin().body(Map.of("code", code, "name", code)).post("/api/time/clients").then().statusCode(201);
        return code;
    }

    @Test
    void localTimesAreMadeInstantsByTheServerAcrossTheFallBack() {
        // 01:30 the first time round (EDT, the default) to 01:15 the second time round (EST, chosen): 45 minutes.
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "PAYROLL", "zone", "America/New_York",
                        "localStart", "2026-11-01T01:30:00", "localEnd", "2026-11-01T01:15:00", "localEndOffset", "-05:00"))
                .post("/api/time/entries").then().statusCode(201)
                .body("startedAt", equalTo("2026-11-01T05:30:00Z")).body("endedAt", equalTo("2026-11-01T06:15:00Z"))
                .body("durationMinutes", equalTo(45.0f)).body("workDate", equalTo("2026-11-01"));
        // Without the offset the end is read the first time round too, before the start.
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "PAYROLL",
                        "localStart", "2026-11-01T01:40:00", "localEnd", "2026-11-01T01:20:00"))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("localEnd"));
    }

    @Test
    void aLocalTimeTheClocksSkippedIsRefusedNamingTheField() {
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "PAYROLL",
                        "localStart", "2026-03-08T02:30:00", "localEnd", "2026-03-08T04:00:00"))
                .post("/api/time/entries").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("localStart"));
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "PAYROLL", "localStart", "2026-03-08T01:30:00",
                        "localEnd", "2026-03-08T03:30:00", "startedAt", "2026-03-08T06:30:00Z"))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("startedAt"));
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "PAYROLL", "localStart", "2026-03-08T01:30:00",
                        "localEnd", "2026-03-08T03:30:00", "localEndOffset", "+01:00"))
                .post("/api/time/entries").then().statusCode(400).body("errors.field", hasItem("localEndOffset"));
        // Across the gap: 01:30 EST to 03:30 EDT is one real hour, on the employee's zone when none is given.
        fx.asManager().body(Map.of("employeeId", dana, "functionCode", "PAYROLL",
                        "localStart", "2026-03-08T01:30:00", "localEnd", "2026-03-08T03:30:00"))
                .post("/api/time/entries").then().statusCode(201).body("durationMinutes", equalTo(60.0f));
    }
}
