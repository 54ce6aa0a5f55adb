package dev.backlight.time;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import dev.backlight.time.timers.TimerSweep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class TimerTest {

    Fixture fx;
    long sam;
    String samToken;

    @AfterEach
    void stopMovingTheClock() {
        TestClock.reset();
    }

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("Europe/London");
        sam = fx.employee("sam");
        samToken = fx.staffToken("sam");
    }

    @Test
    void startingATimerStopsTheRunningOneAtTheSameInstant() throws InterruptedException {
        JsonPath first = fx.as(samToken).body(Map.of("functionCode", "SCHEDULING")).post("/api/time/timers/start")
                .then().statusCode(200).body("started.employeeId", equalTo((int) sam)).extract().jsonPath();
        Thread.sleep(1100);
        JsonPath second = fx.as(samToken).body(Map.of("functionCode", "TIMESHEET_REVIEW")).post("/api/time/timers/start")
                .then().statusCode(200).extract().jsonPath();
        String firstStopped = second.getString("stopped.endedAt");
        assertEquals(first.getLong("started.id"), second.getLong("stopped.id"));
        assertEquals(second.getString("started.startedAt"), firstStopped);

        fx.as(samToken).get("/api/time/timers/current").then().statusCode(200)
                .body("running", equalTo(true)).body("entry.functionCode", equalTo("TIMESHEET_REVIEW"))
                .body("overLimit", equalTo(false));
        fx.asManager().get("/api/time/timers/running").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aTimerReplacedWithinItsFirstSecondIsDiscardedAndTheNewOneRuns() {
        TestClock.freeze();
        long first = fx.as(samToken).body(Map.of("functionCode", "SCHEDULING")).post("/api/time/timers/start")
                .then().statusCode(200).extract().jsonPath().getLong("started.id");
        fx.as(samToken).body(Map.of("functionCode", "PAYROLL")).post("/api/time/timers/start")
                .then().statusCode(200).body("stopped", equalTo(null))
                .body("started.id", not(equalTo((int) first)));
        fx.as(samToken).get("/api/time/timers/current").then().statusCode(200).body("entry.functionCode", equalTo("PAYROLL"));
        fx.asManager().get("/api/time/timers/running").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aTimerStoppedWithinItsFirstSecondRecordsNothingAndAnswers204() {
        TestClock.freeze();
        fx.as(samToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(200);
        fx.as(samToken).body("{}").post("/api/time/timers/stop").then().statusCode(204).body(emptyString());
        fx.as(samToken).get("/api/time/timers/current").then().statusCode(200).body("running", equalTo(false));
        fx.asManager().queryParam("from", LocalDate.now().minusDays(1).toString())
                .queryParam("to", LocalDate.now().plusDays(2).toString()).get("/api/time/entries")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void stoppingRecordsTheDurationAndStoppingAgainIsAConflict() throws InterruptedException {
        fx.as(samToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(200);
        Thread.sleep(1100);
        fx.as(samToken).body("{}").post("/api/time/timers/stop").then().statusCode(200)
                .body("endedAt", notNullValue()).body("source", equalTo("TIMER"));
        fx.as(samToken).get("/api/time/timers/current").then().statusCode(200).body("running", equalTo(false));
        fx.as(samToken).body("{}").post("/api/time/timers/stop").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("no-timer"));
    }

    @Test
    void runningTimerBlocksOverlappingManualTime() throws InterruptedException {
        fx.as(samToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(200);
        String start = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString();
        String end = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        // Ten minutes ago to one minute ago lies before the timer started: allowed.
        fx.as(samToken).body(Map.of("functionCode", "OTHER", "startedAt", start, "endedAt", end))
                .post("/api/time/entries").then().statusCode(201);
        // An entry ending after the timer started overlaps it (a running timer extends to "now and on").
        Thread.sleep(1100);
        fx.as(samToken).body(Map.of("functionCode", "OTHER", "startedAt", end, "endedAt", Instant.now().toString()))
                .post("/api/time/entries").then().statusCode(409).body("type", containsString("overlap"));
    }

    @Test
    void aTimerStartsNeitherInsideRecordedTimeNorOnALockedDay() {
        // Recorded time may end up to the clock tolerance ahead, so "now" can lie inside it.
        String start = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString();
        String end = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        long recorded = fx.as(samToken).body(Map.of("functionCode", "OTHER", "startedAt", start, "endedAt", end))
                .post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        fx.as(samToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(409)
                .body("type", containsString("overlap")).body("conflictingEntryId", equalTo((int) recorded));
        fx.as(samToken).delete("/api/time/entries/" + recorded).then().statusCode(204);

        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        long lockId = fx.asAdmin().body(Map.of("firstDay", today, "lastDay", today, "reason", "Payroll"))
                .post("/api/time/period-locks").then().statusCode(201).extract().jsonPath().getLong("id");
        fx.as(samToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(409)
                .body("type", containsString("period-locked")).body("lockId", equalTo((int) lockId));
        fx.as(samToken).get("/api/time/timers/current").then().statusCode(200).body("running", equalTo(false));
    }

    @Test
    void timerStoppedAfterMoreThan24HoursEndsAtTheLimitFlaggedForReview() {
        String started = fx.as(samToken).body(Map.of("functionCode", "COMPLIANCE")).post("/api/time/timers/start")
                .then().statusCode(200).extract().jsonPath().getString("started.startedAt");
        TestClock.advance(Duration.ofHours(30));
        fx.as(samToken).get("/api/time/timers/current").then().statusCode(200).body("overLimit", equalTo(true));
        fx.as(samToken).body("{}").post("/api/time/timers/stop").then().statusCode(200)
                .body("endedAt", equalTo(Instant.parse(started).plus(Duration.ofHours(24)).toString()))
                .body("reviewReason", equalTo("TIMER_OVER_LIMIT"));
        fx.as(samToken).queryParam("from", LocalDate.now().minusDays(30).toString())
                .queryParam("to", LocalDate.now().plusDays(30).toString()).queryParam("needsReview", true)
                .get("/api/time/entries").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aTimerLeftRunningPastTheLimitStillBlocksTimeOverlappingIt() {
        long timer = fx.as(samToken).body(Map.of("functionCode", "COMPLIANCE")).post("/api/time/timers/start")
                .then().statusCode(200).extract().jsonPath().getLong("started.id");
        // Unswept after 30 h: the overlap search reads recent days only, and must still find the old timer.
        TestClock.advance(Duration.ofHours(30));
        Instant now = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        fx.as(samToken).body(Map.of("functionCode", "OTHER", "startedAt", now.minusSeconds(600).toString(),
                        "endedAt", now.minusSeconds(300).toString()))
                .post("/api/time/entries").then().statusCode(409).body("type", containsString("overlap"))
                .body("conflictingEntryId", equalTo((int) timer));
    }

    @Inject
    TimerSweep sweep;

    @Test
    void sweepClosesTimersLeftRunningPastTheLimit() {
        fx.as(samToken).body(Map.of("functionCode", "COMPLIANCE")).post("/api/time/timers/start").then().statusCode(200);
        TestClock.advance(Duration.ofHours(25));
        sweep.closeOverdueTimers().await().indefinitely();
        fx.as(samToken).get("/api/time/timers/current").then().statusCode(200).body("running", equalTo(false));
        fx.as(samToken).queryParam("from", LocalDate.now().minusDays(30).toString())
                .queryParam("to", LocalDate.now().plusDays(30).toString()).queryParam("needsReview", true)
                .get("/api/time/entries").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].durationMinutes", equalTo(1440.0f));
    }

    @Test
    void staffCannotRunAnotherEmployeesTimer() {
        long other = fx.employee("lee");
        fx.as(samToken).body(Map.of("employeeId", other, "functionCode", "REPORTING")).post("/api/time/timers/start")
                .then().statusCode(403).contentType("application/problem+json");
        fx.asManager().body(Map.of("employeeId", other, "functionCode", "REPORTING")).post("/api/time/timers/start")
                .then().statusCode(200).body("started.employeeId", equalTo((int) other));
    }

    @Test
    void aPeriodCannotBeLockedOverARunningTimer() throws InterruptedException {
        String workDate = fx.as(samToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start")
                .then().statusCode(200).extract().path("started.workDate");
        LocalDate day = LocalDate.parse(workDate);
        Map<String, Object> lock = Map.of("firstDay", day.minusDays(1).toString(), "lastDay", day.toString(), "reason", "month end");
        // Otherwise the timer, stopped the next morning or closed by the sweep, would write into the locked period.
        fx.asAdmin().body(lock).post("/api/time/period-locks").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("timer-running"));
        Thread.sleep(1100); // a timer stopped in its first second is discarded, not recorded
        fx.as(samToken).body("{}").post("/api/time/timers/stop").then().statusCode(200);
        fx.asAdmin().body(lock).post("/api/time/period-locks").then().statusCode(201);
        // Once locked, no timer starts inside the period.
        fx.as(samToken).body(Map.of("functionCode", "REPORTING")).post("/api/time/timers/start").then().statusCode(409);
    }
}
