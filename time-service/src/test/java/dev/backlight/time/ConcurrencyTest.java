package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Concurrent requests for one employee are checked one after another, and captures of many employees written together
 * are answered each on its own: nothing is lost, nothing duplicated.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class ConcurrencyTest {

    static final int PARALLEL = 12;

    Fixture fx;
    long jo;

    @BeforeEach
    void setUp() {
        fx = Fixture.tenant("UTC");
        jo = fx.employee("jo");
    }

    @Test
    void parallelOverlappingEntriesLetExactlyOneIn() throws Exception {
        List<Integer> statuses = inParallel(i -> fx.asManager()
                .body(Fixture.timed(jo, "PAYROLL", "2026-03-02T10:00:00Z", "2026-03-02T1" + (1 + i % 8) + ":00:00Z"))
                .post("/api/time/entries").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(PARALLEL - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        countEntries(1);
    }

    @Test
    void parallelRetriesWithOneExternalRefRecordOneEntry() throws Exception {
        Map<String, Object> body = Map.of("employeeId", jo, "functionCode", "OTHER", "workDate", "2026-03-03",
                "durationMinutes", 30, "externalRef", "retry-me");
        List<Integer> statuses = inParallel(i -> fx.asManager().body(body).post("/api/time/entries").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(PARALLEL - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        countEntries(1);
    }

    @Test
    void parallelCapturesOfManyEmployeesAreEachAnsweredOnTheirOwn() throws Exception {
        List<Long> staff = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            staff.add(fx.employee("p" + i));
        }
        // Captures arriving together are written together: a refusal, or an externalRef new to two employees at once
        // (which only the database can see), must leave every other capture as it would be alone.
        List<Integer> statuses = inParallel(i -> {
            Map<String, Object> body = new HashMap<>(Fixture.timed(staff.get(i), i == 2 ? "NO_SUCH_FUNCTION" : "PAYROLL",
                    "2026-03-04T09:00:00Z", "2026-03-04T10:00:00Z"));
            if (i < 2) {
                body.put("externalRef", "new-to-both");
            }
            return fx.asManager().body(body).post("/api/time/entries").then().extract().statusCode();
        });
        assertEquals(List.of(201, 409), statuses.subList(0, 2).stream().sorted().toList(), statuses.toString());
        assertEquals(400, statuses.get(2), statuses.toString());
        assertEquals(PARALLEL - 3, statuses.subList(3, PARALLEL).stream().filter(s -> s == 201).count(), statuses.toString());
        countEntries(PARALLEL - 2);
    }

    @Test
    void parallelTimerStartsLeaveOneTimerRunning() throws Exception {
        String token = fx.staffToken("jo");
        List<Integer> statuses = inParallel(i -> fx.as(token).body(Map.of("functionCode", "REPORTING"))
                .post("/api/time/timers/start").then().extract().statusCode());
        assertEquals(PARALLEL, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        fx.asManager().get("/api/time/timers/running").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void parallelTimerSwitchesAndStopsOfManyEmployeesEachEndTheirOwnTimer() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            fx.employee("t" + i);
            tokens.add(fx.staffToken("t" + i));
        }
        List<Integer> starts = inParallel(i -> fx.as(tokens.get(i))
                .body(Map.of("functionCode", i == 2 ? "NO_SUCH_FUNCTION" : "REPORTING"))
                .post("/api/time/timers/start").then().extract().statusCode());
        assertEquals(400, starts.get(2), starts.toString());
        assertEquals(PARALLEL - 1, starts.stream().filter(s -> s == 200).count(), starts.toString());
        Thread.sleep(1100);
        // Switched together, each stops its own running timer (the one refused above had none).
        List<Integer> stopped = inParallel(i -> {
            Integer id = fx.as(tokens.get(i)).body(Map.of("functionCode", "PAYROLL")).post("/api/time/timers/start")
                    .then().statusCode(200).extract().path("stopped.id");
            return id == null ? 0 : 1;
        });
        assertEquals(0, stopped.get(2), stopped.toString());
        assertEquals(PARALLEL - 1, stopped.stream().mapToInt(Integer::intValue).sum(), stopped.toString());
        fx.asManager().get("/api/time/timers/running").then().statusCode(200).body("items.size()", equalTo(PARALLEL))
                .body("items.entry.functionCode", everyItem(equalTo("PAYROLL")));
        Thread.sleep(1100);
        // Stopped together, each ends its own; asked twice, the second is told that none runs.
        List<Integer> stops = inParallel(i -> fx.as(tokens.get(i)).body("{}").post("/api/time/timers/stop")
                .then().extract().statusCode());
        assertEquals(PARALLEL, stops.stream().filter(s -> s == 200).count(), stops.toString());
        fx.asManager().get("/api/time/timers/running").then().statusCode(200).body("items.size()", equalTo(0));
        fx.as(tokens.get(0)).body("{}").post("/api/time/timers/stop").then().statusCode(409);
    }

    private void countEntries(int expected) {
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/time/entries")
                .then().statusCode(200).body("total", equalTo(expected));
    }

    private interface Call {
        int run(int i);
    }

    private static List<Integer> inParallel(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Integer>) () -> call.run(n)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
