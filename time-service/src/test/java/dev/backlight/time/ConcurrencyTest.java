package dev.backlight.time;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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

/** Concurrent requests for one employee are checked one after another: nothing is lost, nothing duplicated. */
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
    void parallelTimerStartsLeaveOneTimerRunning() throws Exception {
        String token = fx.staffToken("jo");
        List<Integer> statuses = inParallel(i -> fx.as(token).body(Map.of("functionCode", "REPORTING"))
                .post("/api/time/timers/start").then().extract().statusCode());
        assertEquals(PARALLEL, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        fx.asManager().get("/api/time/timers/running").then().statusCode(200).body("items.size()", equalTo(1));
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
