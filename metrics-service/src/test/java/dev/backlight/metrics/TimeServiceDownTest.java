package dev.backlight.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UnreachableUpstreams;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** time-service is not running at all: every answer that needs it is a 503 with Retry-After, never a 500. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(value = UnreachableUpstreams.class, initArgs = @ResourceArg(name = "time-service", value = "down"))
class TimeServiceDownTest {

    private static final String MANAGER = TestTokens.token("down-tenant", "manager-1", "manager");

    @Test
    void reportsAnswer503WithRetryAfterNamingTheService() {
        for (int call = 0; call < 12; call++) {
            // Past the circuit breaker's threshold the answer stays the same, only faster.
            given().auth().oauth2(MANAGER).queryParam("from", "2026-03-02").get("/api/metrics/baseline").then()
                    .statusCode(503)
                    .contentType(containsString("application/problem+json"))
                    .header("Retry-After", equalTo("10"))
                    .body("service", equalTo("time-service"))
                    .body("detail", notNullValue());
        }
    }

    @Test
    void writesThatCheckTheDirectoryAre503WhileTheServiceStaysReady() {
        given().auth().oauth2(MANAGER).contentType("application/json")
                .body(Map.of("functionCode", "PAYROLL", "periodStart", "2026-03-02", "units", 1))
                .post("/api/metrics/outputs").then().statusCode(503).header("Retry-After", equalTo("10"));
        // The service itself stays ready: its own database is fine.
        given().get("/q/health/ready").then().statusCode(200);
    }
}
