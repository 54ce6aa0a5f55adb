package dev.backlight.time;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rollups the hours reports read (daily and monthly per client, monthly with person-days) stay equal to the sums of the
 * entries through every kind of write: manual
 * and timed captures, edits that move an entry to another day, function or client, deletions, timers started and
 * stopped, imports, and many captures at once on the same day and function.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class RollupsTest {

    private static final String ENTRY_SUMS = """
            SELECT work_date, employee_id, function_id, client_account_id, sum(duration_seconds), count(*)
            FROM timekeeping.time_entry WHERE tenant_id = ? AND duration_seconds IS NOT NULL
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 NULLS FIRST""";
    private static final String ROLLUPS = """
            SELECT work_date, employee_id, function_id, client_account_id, seconds, entries
            FROM timekeeping.daily_hours WHERE tenant_id = ? AND entries > 0
            ORDER BY 1, 2, 3, 4 NULLS FIRST""";
    private static final String ENTRY_MONTH_SUMS = """
            SELECT date_trunc('month', work_date)::date, employee_id, function_id, client_account_id, sum(duration_seconds), count(*)
            FROM timekeeping.time_entry WHERE tenant_id = ? AND duration_seconds IS NOT NULL
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 NULLS FIRST""";
    private static final String MONTHLY_ROLLUPS = """
            SELECT month, employee_id, function_id, client_account_id, seconds, entries
            FROM timekeeping.monthly_hours WHERE tenant_id = ? AND entries > 0
            ORDER BY 1, 2, 3, 4 NULLS FIRST""";
    /** Per month, employee and function whatever the client: the days with time (where the others have the client), seconds, entries. */
    private static final String ENTRY_MONTH_DAYS = """
            SELECT date_trunc('month', work_date)::date, employee_id, function_id, count(DISTINCT work_date), sum(duration_seconds), count(*)
            FROM timekeeping.time_entry WHERE tenant_id = ? AND duration_seconds IS NOT NULL
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""";
    private static final String MONTHLY_DAYS = """
            SELECT month, employee_id, function_id, days, seconds, entries
            FROM timekeeping.monthly_days WHERE tenant_id = ? AND entries > 0
            ORDER BY 1, 2, 3""";

    @Inject
    AgroalDataSource database;

    Fixture fx;
    long ana;
    long ben;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("Europe/Paris");
        ana = fx.employee("ana");
        ben = fx.employee("ben");
        fx.asAdmin().body(Map.of("code", "ACME", "name", "Acme")).post("/api/time/clients").then().statusCode(201);
    }

    @Test
    void captureEditDeleteTimersAndImportsKeepTheRollupsEqualToTheEntries() throws Exception {
        long manual = fx.asManager().body(Map.of("employeeId", ana, "functionCode", "PAYROLL", "workDate", "2026-03-02",
                "durationMinutes", 60)).post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        fx.asManager().body(Map.of("employeeId", ana, "functionCode", "PAYROLL", "workDate", "2026-03-02",
                "durationMinutes", 30, "clientCode", "ACME")).post("/api/time/entries").then().statusCode(201);
        long timed = fx.asManager().body(Fixture.timed(ben, "REPORTING", "2026-03-02T08:00:00Z", "2026-03-02T09:30:00Z"))
                .post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        assertRollupsMatchEntries();

        // Moved to another day, function and client: the old group loses it, the new one gains it.
        fx.asManager().body(Map.of("employeeId", ana, "functionCode", "REPORTING", "workDate", "2026-03-03",
                "durationMinutes", 45, "clientCode", "ACME")).put("/api/time/entries/" + manual).then().statusCode(200);
        fx.asManager().delete("/api/time/entries/" + timed).then().statusCode(204);
        assertRollupsMatchEntries();

        // A running timer counts once it stops.
        String anaToken = fx.staffToken("ana");
        fx.as(anaToken).body(Map.of("functionCode", "SCHEDULING")).post("/api/time/timers/start").then().statusCode(200);
        assertRollupsMatchEntries();
        Thread.sleep(1100);
        fx.as(anaToken).body("{}").post("/api/time/timers/stop").then().statusCode(200);
        assertRollupsMatchEntries();

        fx.asManager().body(List.of(
                Map.of("employeeEmail", "ben@" + fx.tenant + ".example", "functionCode", "PAYROLL", "externalRef", "r-1",
                        "startedAt", "2026-03-04T08:00:00Z", "endedAt", "2026-03-04T10:00:00Z"),
                Map.of("employeeEmail", "ben@" + fx.tenant + ".example", "functionCode", "PAYROLL", "externalRef", "r-2",
                        "startedAt", "2026-03-04T10:00:00Z", "endedAt", "2026-03-04T11:00:00Z", "clientCode", "ACME")))
                .post("/api/time/entries/import").then().statusCode(200).body("imported", equalTo(2));
        assertRollupsMatchEntries();

        // A day gained, then lost, by a month that keeps its other days: the person-days follow.
        long anotherDay = fx.asManager().body(Map.of("employeeId", ana, "functionCode", "PAYROLL", "workDate", "2026-03-05",
                "durationMinutes", 20)).post("/api/time/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        assertRollupsMatchEntries();
        fx.asManager().delete("/api/time/entries/" + anotherDay).then().statusCode(204);
        assertRollupsMatchEntries();

        // The reports read the rollups (the timer ran today, outside March): days from the daily ones, the whole month
        // from the monthly ones, alike.
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-05").queryParam("groupBy", "function")
                .get("/api/time/reports/hours").then().statusCode(200)
                .body("totalSeconds", equalTo(45 * 60 + 30 * 60 + 3 * 3600));
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "function,client")
                .queryParam("bucket", "month").get("/api/time/reports/hours").then().statusCode(200)
                .body("totalSeconds", equalTo(45 * 60 + 30 * 60 + 3 * 3600))
                .body("rows.period", everyItem(equalTo("2026-03-01")))
                .body("rows.collect { it.functionCode + '/' + it.clientCode + '=' + it.seconds }", containsInAnyOrder(
                        "PAYROLL/null=" + 2 * 3600, "PAYROLL/ACME=" + (30 * 60 + 3600), "REPORTING/ACME=" + 45 * 60));
    }

    @Test
    void manyCapturesAtOnceOnTheSameDayAndFunctionAreAllCounted() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                long employee = i % 2 == 0 ? ana : ben;
                answers.add(callers.submit(() -> fx.asManager().body(Map.of("employeeId", employee, "functionCode", "PAYROLL",
                        "workDate", "2026-03-09", "durationMinutes", 10)).post("/api/time/entries").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            callers.shutdown();
        }
        assertRollupsMatchEntries();
        fx.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-10").queryParam("groupBy", "employee")
                .get("/api/time/reports/hours").then().statusCode(200)
                .body("rows.seconds", equalTo(List.of(16 * 600, 16 * 600)))
                .body("rows.entries", equalTo(List.of(16, 16)));
    }

    @Test
    void aReportOverWholeMonthsReadsTheMonthlyRollupsAlone() throws Exception {
        fx.asManager().body(Map.of("employeeId", ana, "functionCode", "PAYROLL", "workDate", "2026-03-02",
                "durationMinutes", 90)).post("/api/time/entries").then().statusCode(201);
        // Two entries on one day, one of them for a client: one person-day.
        fx.asManager().body(Map.of("employeeId", ana, "functionCode", "PAYROLL", "workDate", "2026-03-02",
                "durationMinutes", 30, "clientCode", "ACME")).post("/api/time/entries").then().statusCode(201);
        fx.asManager().body(Map.of("employeeId", ana, "functionCode", "PAYROLL", "workDate", "2026-03-03",
                "durationMinutes", 60)).post("/api/time/entries").then().statusCode(201);
        // With the daily rollups locked against every reader, whole months still answer (a wait for the lock would
        // time out here): from the monthly ones.
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE timekeeping.daily_hours IN ACCESS EXCLUSIVE MODE");
            try {
                caller.submit(() -> fx.asManager().queryParam("from", "2026-02-01").queryParam("to", "2026-04-01")
                        .queryParam("groupBy", "employee").queryParam("bucket", "month").get("/api/time/reports/hours")
                        .then().statusCode(200)
                        .body("rows.period", equalTo(List.of("2026-03-01"))).body("rows.seconds", equalTo(List.of(180 * 60))))
                        .get(10, TimeUnit.SECONDS);
                caller.submit(() -> fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01")
                        .queryParam("groupBy", "function").queryParam("personDays", true).get("/api/time/reports/hours")
                        .then().statusCode(200).body("totalSeconds", equalTo(180 * 60))
                        .body("rows.personDays", equalTo(List.of(2))).body("rows.entries", equalTo(List.of(3))))
                        .get(10, TimeUnit.SECONDS);
                caller.submit(() -> fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01")
                        .queryParam("groupBy", "client").get("/api/time/reports/hours")
                        .then().statusCode(200).body("rows.seconds", equalTo(List.of(30 * 60, 150 * 60))))
                        .get(10, TimeUnit.SECONDS);
            } finally {
                lock.rollback();
            }
        } finally {
            caller.shutdown();
        }
    }

    private void assertRollupsMatchEntries() throws SQLException {
        List<String> sums = rows(ENTRY_SUMS);
        assertFalse(sums.isEmpty());
        assertEquals(sums, rows(ROLLUPS));
        assertEquals(rows(ENTRY_MONTH_SUMS), rows(MONTHLY_ROLLUPS));
        assertEquals(rows(ENTRY_MONTH_DAYS), rows(MONTHLY_DAYS));
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = database.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, fx.tenant);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getDate(1) + " " + row.getLong(2) + " " + row.getLong(3) + " " + row.getObject(4) + " "
                            + row.getLong(5) + " " + row.getLong(6));
                }
            }
        }
        return rows;
    }
}
