package dev.backlight.time;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Aggregates bucket days in the tenant's zone at each entry's own instant. The tenant is in New York, where
 * 2026-03-08 is the spring-forward day (23 hours long) and 2026-11-01 the fall-back day (25 hours).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class AggregatesTest {

    Fixture fx;
    long ana;
    long ben;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("America/New_York");
        ana = fx.employee("ana");
        ben = fx.employee("ben");
        // 01:30 EST to 03:30 EDT on the change-over day: one real hour.
        post(Fixture.timed(ana, "SCHEDULING", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"));
        // 23:30 EDT on 8 March is already 9 March in UTC: it still counts for the 8th.
        post(Fixture.timed(ana, "SCHEDULING", "2026-03-09T03:30:00Z", "2026-03-09T04:00:00Z"));
        // 00:30 EDT on 9 March (23:30 if the offset were still EST's): counts for the 9th.
        post(Fixture.timed(ana, "REPORTING", "2026-03-09T04:30:00Z", "2026-03-09T05:30:00Z"));
        post(Fixture.timed(ben, "REPORTING", "2026-03-10T14:00:00Z", "2026-03-10T16:00:00Z"));
    }

    @Test
    void daysAreBucketedInTheTenantZoneAcrossTheDstChange() {
        fx.asManager().queryParam("from", "2026-03-08").queryParam("to", "2026-03-10")
                .queryParam("groupBy", "none").queryParam("bucket", "day")
                .get("/api/time/reports/hours").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York"))
                .body("rows", hasSize(2))
                .body("rows[0].period", equalTo("2026-03-08")).body("rows[0].seconds", equalTo(5400))
                .body("rows[1].period", equalTo("2026-03-09")).body("rows[1].seconds", equalTo(3600))
                .body("totalSeconds", equalTo(9000));
    }

    @Test
    void fallBackDayIsOneDayWithItsRealDuration() {
        // 00:30 EDT to 01:30 EST on 1 November: two real hours, both on the 1st.
        post(Fixture.timed(ben, "PAYROLL", "2026-11-01T04:30:00Z", "2026-11-01T06:30:00Z"));
        fx.asManager().queryParam("from", "2026-11-01").queryParam("to", "2026-11-02").queryParam("bucket", "day")
                .get("/api/time/reports/hours").then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].period", equalTo("2026-11-01"))
                .body("rows[0].functionCode", equalTo("PAYROLL")).body("rows[0].hours", equalTo(2.0f));
    }

    @Test
    void weeksStartOnTheTenantsWeekStartAndMonthsOnTheFirst() {
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "none")
                .queryParam("bucket", "week").get("/api/time/reports/hours").then().statusCode(200)
                .body("rows.period", equalTo(List.of("2026-03-02", "2026-03-09")))
                .body("rows.seconds", equalTo(List.of(5400, 3600 + 7200)));
        fx.asAdmin().body(Map.of("name", "Renamed", "timeZone", "America/New_York", "currency", "USD", "weekStart", "SUNDAY"))
                .put("/api/time/tenant").then().statusCode(200).body("weekStart", equalTo("SUNDAY"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "none")
                .queryParam("bucket", "week").get("/api/time/reports/hours").then().statusCode(200)
                .body("rows.period", equalTo(List.of("2026-03-08")))
                .body("rows.seconds", equalTo(List.of(16200)));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "function")
                .queryParam("bucket", "month").get("/api/time/reports/hours").then().statusCode(200)
                .body("rows.period", hasItem("2026-03-01"))
                .body("rows.find { it.functionCode == 'REPORTING' }.seconds", equalTo(3600 + 7200))
                .body("rows.find { it.functionCode == 'SCHEDULING' }.seconds", equalTo(5400));
    }

    @Test
    void hoursGroupByEmployeeTeamAndClientAndComeAsCsv() {
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01")
                .queryParam("groupBy", "employee,team,client")
                .get("/api/time/reports/hours").then().statusCode(200)
                .body("rows.find { it.employeeId == " + ana + " }.seconds", equalTo(9000))
                .body("rows.find { it.employeeId == " + ben + " }.team", equalTo("WFM"));
        String csv = fx.as(fx.analystToken).accept("text/csv").queryParam("from", "2026-03-01").queryParam("to", "2026-04-01")
                .queryParam("groupBy", "function").get("/api/time/reports/hours")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("period,functionCode,clientCode,employeeId,team,seconds,hours,entries"), csv);
        assertTrue(csv.contains(",REPORTING,,,,10800,3.0000,2"), csv);
    }

    @Test
    void personDaysCountEachPersonsDayOnceWhateverItsFunctionsAndEntries() {
        post(Fixture.timed(ana, "SCHEDULING", "2026-03-09T14:00:00Z", "2026-03-09T14:30:00Z"));
        // Ana on the 8th (two entries) and the 9th (two functions), Ben on the 10th.
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "none")
                .queryParam("bucket", "month").queryParam("personDays", "true").get("/api/time/reports/hours").then().statusCode(200)
                .body("rows.period", equalTo(List.of("2026-03-01"))).body("rows.personDays", equalTo(List.of(3)));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "function")
                .queryParam("personDays", "true").get("/api/time/reports/hours").then().statusCode(200)
                .body("rows.collect { it.functionCode + '=' + it.personDays }", containsInAnyOrder("SCHEDULING=2", "REPORTING=2"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "function")
                .get("/api/time/reports/hours").then().statusCode(200).body("rows.personDays", everyItem(nullValue()));
    }

    @Test
    void staffAggregatesOnlyTheirOwnTime() {
        fx.as(fx.staffToken("ben")).queryParam("from", "2026-03-01").queryParam("to", "2026-04-01")
                .queryParam("groupBy", "employee").get("/api/time/reports/hours").then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].employeeId", equalTo((int) ben));
    }

    @Test
    void interruptionsAreCountedByEmployeeDayAndKind() {
        for (int i = 0; i < 3; i++) {
            fx.asManager().body(Map.of("employeeId", ana, "occurredAt", "2026-03-09T1" + i + ":00:00-04:00",
                    "kind", "AGENT_QUESTION", "minutes", 5)).post("/api/time/interruptions").then().statusCode(201);
        }
        fx.asManager().body(Map.of("employeeId", ana, "occurredAt", "2026-03-09T23:30:00-04:00", "kind", "HR_QUESTION", "minutes", 10))
                .post("/api/time/interruptions").then().statusCode(201).body("workDate", equalTo("2026-03-09"));
        fx.asManager().body(Map.of("employeeId", ana, "kind", "NOT_A_KIND", "minutes", 10))
                .post("/api/time/interruptions").then().statusCode(400).body("errors.field", hasItem("kind"));
        fx.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-10").get("/api/time/reports/interruptions")
                .then().statusCode(200).body("", hasSize(2))
                .body("find { it.kind == 'AGENT_QUESTION' }.count", equalTo(3))
                .body("find { it.kind == 'AGENT_QUESTION' }.minutes", equalTo(15))
                .body("find { it.kind == 'HR_QUESTION' }.day", equalTo("2026-03-09"));
    }

    @Test
    void timelineListsTimedEntriesInTheOrderWorkedWithoutBareDurations() {
        fx.asManager().body(Map.of("employeeId", ana, "functionCode", "PAYROLL", "workDate", "2026-03-09", "durationMinutes", 45))
                .post("/api/time/entries").then().statusCode(201);
        fx.asManager().queryParam("from", "2026-03-08").queryParam("to", "2026-03-11")
                .get("/api/time/reports/timeline").then().statusCode(200)
                .body("", hasSize(4))
                .body("employeeId", equalTo(List.of((int) ana, (int) ana, (int) ana, (int) ben)))
                .body("functionCode", equalTo(List.of("SCHEDULING", "SCHEDULING", "REPORTING", "REPORTING")))
                .body("[1].workDate", equalTo("2026-03-08")).body("[1].startedAt", equalTo("2026-03-09T03:30:00Z"))
                .body("[2].endedAt", equalTo("2026-03-09T05:30:00Z"));
        fx.as(fx.staffToken("ben")).queryParam("from", "2026-03-08").queryParam("to", "2026-03-11")
                .get("/api/time/reports/timeline").then().statusCode(200).body("employeeId", equalTo(List.of((int) ben)));
        String csv = fx.asManager().accept("text/csv").queryParam("from", "2026-03-10").queryParam("to", "2026-03-11")
                .get("/api/time/reports/timeline").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("employeeId,workDate,functionCode,clientCode,startedAt,endedAt,zone"), csv);
        fx.asManager().queryParam("from", "2026-01-01").queryParam("to", "2026-04-15")
                .get("/api/time/reports/timeline").then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void interruptionMomentsComeInTimeOrder() {
        fx.asManager().body(Map.of("employeeId", ana, "kind", "HR_QUESTION", "occurredAt", "2026-03-10T15:00:00Z", "minutes", 5))
                .post("/api/time/interruptions").then().statusCode(201);
        fx.asManager().body(Map.of("employeeId", ana, "kind", "AGENT_QUESTION", "occurredAt", "2026-03-10T14:00:00Z", "minutes", 5))
                .post("/api/time/interruptions").then().statusCode(201);
        fx.asManager().queryParam("from", "2026-03-10").queryParam("to", "2026-03-11")
                .get("/api/time/reports/interruption-moments").then().statusCode(200)
                .body("kind", equalTo(List.of("AGENT_QUESTION", "HR_QUESTION")))
                .body("[0].occurredAt", equalTo("2026-03-10T14:00:00Z"));
    }

    @Test
    void badReportParametersAreProblems() {
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "planet")
                .get("/api/time/reports/hours").then().statusCode(400).body("errors.field", hasItem("groupBy"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-02-01")
                .get("/api/time/reports/hours").then().statusCode(400).body("errors.field", hasItem("to"));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-01").get("/api/time/interruptions")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        fx.asManager().queryParam("from", "2026-03-01").get("/api/time/reports/interruptions").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        fx.asManager().queryParam("to", "2026-02-01").get("/api/time/reports/hours").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", hasItem("from"));
    }

    private void post(Map<String, Object> entry) {
        fx.asManager().body(entry).post("/api/time/entries").then().statusCode(201);
    }
}
