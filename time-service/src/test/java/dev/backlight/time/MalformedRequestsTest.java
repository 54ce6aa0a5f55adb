package dev.backlight.time;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Whatever a client sends, a malformed or extreme value is answered with a 400 problem naming the field or parameter
 * and nothing is written: never a 500, never a bare 404, never a value silently changed on the way in.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class MalformedRequestsTest {

    Fixture fx;
    long ana;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("Europe/London");
        ana = fx.employee("ana");
    }

    private static ValidatableResponse badRequestNaming(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void malformedQueryValuesAre400NamingTheParameter() {
        for (String[] query : new String[][] {
                {"from", "bad"}, {"from", "2026-02-30"}, {"from", "+999999999-12-31"}, {"from", "-999999999-01-01"},
                {"employeeId", "abc"}, {"source", "BOGUS"}, {"needsReview", "maybe"}}) {
            Map<String, String> params = new java.util.HashMap<>(Map.of("from", "2026-03-01", "to", "2026-03-31"));
            params.put(query[0], query[1]);
            badRequestNaming(fx.asManager().queryParams(params).get("/api/time/entries").then(), query[0]);
        }
        badRequestNaming(fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam("source", "BOGUS").get("/api/time/entries").then(), "source")
                .body("detail", containsString("TIMER"));
        badRequestNaming(fx.asManager().queryParam("weekStart", "bad").get("/api/time/timesheets").then(), "weekStart");
        badRequestNaming(fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .queryParam("page", Integer.MAX_VALUE).get("/api/time/entries").then(), "page");
    }

    @Test
    void anUngroupedSumOverNoHoursIsEmptyNotAFailure() {
        fx.asManager().queryParam("from", "2020-01-01").queryParam("to", "2020-02-01").queryParam("groupBy", "none")
                .get("/api/time/reports/hours").then().statusCode(200)
                .body("rows", hasSize(0)).body("totalSeconds", equalTo(0));
    }

    @Test
    void bodyValuesAreReadStrictly() {
        // A fraction in a whole-number field is refused, not truncated (90.7 minutes stored as 90).
        badRequestNaming(fx.asManager().body("{\"employeeId\":" + ana + ",\"functionCode\":\"REPORTING\","
                + "\"workDate\":\"2026-03-02\",\"durationMinutes\":90.7}").post("/api/time/entries").then(), "durationMinutes");
        // A number is not an instant (it would be read as seconds since 1970).
        badRequestNaming(fx.asManager().body("{\"employeeId\":" + ana + ",\"functionCode\":\"REPORTING\","
                + "\"startedAt\":12345,\"endedAt\":\"2026-03-02T10:00:00Z\"}").post("/api/time/entries").then(), "startedAt");
        // A key given twice is ambiguous.
        badRequestNaming(fx.asManager().body("{\"employeeId\":" + ana + ",\"employeeId\":" + ana + ",\"functionCode\":\"QA_EVALUATION\"}")
                .post("/api/time/timers/start").then(), "body");
        // PostgreSQL cannot store NUL.
        badRequestNaming(fx.asAdmin().body(Map.of("name", "Nul\u0000Name", "email", "nul@x.example"))
                .post("/api/time/employees").then(), "name");
        // A null inside a list of days.
        badRequestNaming(fx.asAdmin().body("{\"name\":\"Days\",\"email\":\"days@x.example\",\"workDays\":[null]}")
                .post("/api/time/employees").then(), "workDays");
        // Dates outside the calendar the suite accepts are refused instead of being stored as another date.
        badRequestNaming(fx.asAdmin().body(Map.of("firstDay", "2026-03-01", "lastDay", "+999999999-12-31", "reason", "far"))
                .post("/api/time/period-locks").then(), "lastDay");
        // Nothing of the above was written.
        fx.asManager().get("/api/time/period-locks").then().statusCode(200).body("items", hasSize(0));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries").then()
                .statusCode(200).body("total", equalTo(0));
        fx.asAdmin().get("/api/time/employees").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anEnumErrorListsTheAllowedValues() {
        badRequestNaming(fx.asManager().body(Map.of("employeeId", ana, "kind", "GOSSIP", "minutes", 5))
                .post("/api/time/interruptions").then(), "kind")
                .body("detail", containsString("must be one of"));
    }

    @Test
    void aConflictNeverShadowsTheStatusMember() {
        String week = "2026-03-02";
        fx.asManager().body(Map.of("employeeId", ana, "functionCode", "REPORTING", "workDate", week, "durationMinutes", 60))
                .post("/api/time/entries").then().statusCode(201);
        fx.asManager().post("/api/time/timesheets/" + ana + "/" + week + "/submit").then().statusCode(200);
        fx.asManager().post("/api/time/timesheets/" + ana + "/" + week + "/submit").then().statusCode(409)
                .body("status", equalTo(409)).body("timesheetStatus", equalTo("SUBMITTED"));
    }

    @Test
    void aNulInThePathIsAClientError() {
        fx.asAdmin().get("/api/time/functions/REPORT%00ING").then().statusCode(not(equalTo(500)))
                .contentType("application/problem+json");
    }

    @Test
    void everyRangeHasALimitNamedInTheAnswer() {
        // Day by day over a century would hold a connection far past any caller's patience.
        badRequestNaming(fx.as(fx.analystToken).queryParam("from", "1950-01-01").queryParam("to", "2050-01-01").queryParam("bucket", "day")
                .queryParam("groupBy", "employee,function").get("/api/time/reports/hours").then(), "to")
                .body("detail", containsString("400 days"));
        badRequestNaming(fx.as(fx.analystToken).queryParam("from", "2020-01-01").queryParam("to", "2026-01-01").queryParam("bucket", "month")
                .get("/api/time/reports/hours").then(), "to");
        fx.as(fx.analystToken).queryParam("from", "2024-01-01").queryParam("to", "2026-12-01").queryParam("bucket", "month")
                .get("/api/time/reports/hours").then().statusCode(200);
        badRequestNaming(fx.asManager().queryParam("from", "2020-01-01").queryParam("to", "2026-01-01")
                .get("/api/time/reports/interruptions").then(), "to");
        badRequestNaming(fx.asManager().queryParam("from", "2000-01-01").queryParam("to", "2026-01-01")
                .get("/api/time/entries").then(), "to");
    }
}
