package dev.backlight.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.LocalPostgres;
import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The database restarts while people capture time: while it is down every request is a 503 with Retry-After (never a
 * 500), the service recovers by itself once it is back, and clients retrying with their externalRef lose nothing and
 * duplicate nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class DatabaseRestartTest {

    private static final int ENTRIES = 24;
    private static final int MAX_ATTEMPTS = 200;

    @Test
    void aDatabaseRestartUnderCaptureLoadLosesAndDuplicatesNothing() throws Exception {
        LocalPostgres database = PostgresTestResource.embedded().orElse(null);
        assumeTrue(database != null, "an external database cannot be restarted by the test");
        Fixture fx = Fixture.tenant("Europe/London");
        long ana = fx.employee("ana");
        ConcurrentLinkedQueue<Response> unavailable = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> otherFailures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Long>> acknowledged = new ArrayList<>();
        try {
            database.restart(() -> {
                // While it is down, capture goes on: each client retries its own entry until it is acknowledged.
                for (int i = 0; i < ENTRIES; i++) {
                    Map<String, Object> entry = Map.of("employeeId", ana, "functionCode", "REPORTING",
                            "workDate", LocalDate.of(2026, 3, 2).plusDays(i).toString(), "durationMinutes", 30,
                            "externalRef", "restart-" + i);
                    acknowledged.add(clients.submit(() -> {
                        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                            Response response = fx.asManager().body(entry).post("/api/time/entries");
                            if (response.statusCode() == 201 || response.statusCode() == 200) {
                                return response.jsonPath().getLong("id");
                            }
                            if (response.statusCode() == 503) {
                                unavailable.add(response);
                            } else {
                                otherFailures.add(response.statusCode());
                            }
                            Thread.sleep(100);
                        }
                        return null;
                    }));
                }
                sleepQuietly(3_000);
            });
            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : acknowledged) {
                ids.add(id.get(60, TimeUnit.SECONDS));
            }
            assertTrue(otherFailures.isEmpty(), "answers other than 503 while the database was down: " + otherFailures);
            assertTrue(!unavailable.isEmpty(), "the outage was seen");
            for (Response response : unavailable) {
                assertEquals("application/problem+json", response.contentType());
                assertNotNull(response.header("Retry-After"), "503 says when to retry");
            }
            assertEquals(ENTRIES, ids.stream().filter(java.util.Objects::nonNull).distinct().count(), "every entry acknowledged once");
        } finally {
            clients.shutdownNow();
        }
        // The service is ready again by itself: nobody restarted it.
        Response readiness = io.restassured.RestAssured.given().get("/q/health/ready");
        for (int attempt = 0; attempt < 60 && readiness.statusCode() != 200; attempt++) {
            sleepQuietly(500);
            readiness = io.restassured.RestAssured.given().get("/q/health/ready");
        }
        assertEquals(200, readiness.statusCode(), readiness.asString());
        // Everything acknowledged is there, once.
        fx.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-05-01").queryParam("size", 500)
                .get("/api/time/entries").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(ENTRIES));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
