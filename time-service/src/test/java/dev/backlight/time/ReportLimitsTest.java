package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * No report holds an unbounded result: beyond its row limit it is refused with what to ask instead; and a tenant runs
 * only so many reports at once, a few more waiting their turn (the limits are small here).
 */
@QuarkusTest
@TestProfile(ReportLimitsTest.SmallLimits.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ReportLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backlight.reports.max-rows", "20", "backlight.reports.concurrent-per-tenant", "1",
                    "backlight.reports.waiting-per-tenant", "2");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void aTenantsReportsBeyondItsConcurrencyWaitAndBeyondTheQueueAreToldToRetry() throws Exception {
        Fixture fixture = Fixture.tenant("Europe/Paris");
        long employee = fixture.employee("ben");
        fixture.asAdmin().contentType(ContentType.JSON).body(Map.of("employeeId", employee, "functionCode", "REPORTING",
                "workDate", "2026-03-02", "durationMinutes", 60)).post("/api/time/entries").then().statusCode(201);
        ExecutorService callers = Executors.newFixedThreadPool(5);
        List<Future<Integer>> answers = new ArrayList<>();
        // While the rollups are locked, the first report holds the tenant's one place and two more wait for it.
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE timekeeping.daily_hours IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < 5; i++) {
                // Not a whole month, so the daily rollups answer it.
                answers.add(callers.submit(() -> fixture.asManager().queryParam("from", "2026-03-02").queryParam("to", "2026-04-01")
                        .get("/api/time/reports/hours").then().extract().statusCode()));
                Thread.sleep(200);
            }
            Thread.sleep(500);
            lock.rollback();
        } finally {
            callers.shutdown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(200, 200, 200, 429, 429), statuses.stream().sorted().toList(), statuses.toString());
    }

    @Test
    void aReportOfMoreRowsThanTheLimitIsRefusedNamingTheRange() {
        Fixture fixture = Fixture.tenant("Europe/Paris");
        long employee = fixture.employee("ana");
        LocalDate first = LocalDate.of(2026, 3, 2);
        for (int day = 0; day < 21; day++) {
            fixture.asAdmin().contentType(ContentType.JSON).body(Map.of("employeeId", employee, "functionCode", "REPORTING",
                    "workDate", first.plusDays(day).toString(), "durationMinutes", 60)).post("/api/time/entries").then().statusCode(201);
        }

        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusDays(21).toString())
                .queryParam("bucket", "day").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusDays(20).toString())
                .queryParam("bucket", "day").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(200).body("rows", hasSize(20));
        // The same hours by week fit easily.
        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusDays(21).toString())
                .queryParam("bucket", "week").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(200).body("totalHours", equalTo(21.0f));
    }

    @Test
    void aFewGroupsPerMonthOverTooManyMonthsAreRefusedAsWell() {
        Fixture fixture = Fixture.tenant("Europe/Paris");
        long employee = fixture.employee("bo");
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int month = 0; month < 21; month++) {
            fixture.asAdmin().contentType(ContentType.JSON).body(Map.of("employeeId", employee, "functionCode", "PAYROLL",
                    "workDate", first.plusMonths(month).toString(), "durationMinutes", 30)).post("/api/time/entries").then().statusCode(201);
        }
        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusMonths(21).toString())
                .queryParam("bucket", "month").queryParam("groupBy", "function")
                .get("/api/time/reports/hours").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        fixture.asManager().queryParam("from", first.toString()).queryParam("to", first.plusMonths(20).toString())
                .queryParam("bucket", "month").queryParam("groupBy", "function")
                .get("/api/time/reports/hours").then().statusCode(200).body("rows", hasSize(20));
    }
}
