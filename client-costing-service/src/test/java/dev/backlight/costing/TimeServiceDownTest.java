package dev.backlight.costing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UnreachableUpstreams;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** time-service is not running: reports and writes that need it answer 503 with Retry-After, never a 500. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(value = UnreachableUpstreams.class, initArgs = @ResourceArg(name = "time-service", value = "down"))
class TimeServiceDownTest {

    private static final String ADMIN = TestTokens.token("down-tenant", "admin-1", "tenant-admin");

    @Test
    void reportsAndWritesAnswer503WithRetryAfter() {
        given().auth().oauth2(ADMIN).queryParam("from", "2026-03").queryParam("to", "2026-03").get("/api/costing/profitability")
                .then().statusCode(503).contentType(containsString("application/problem+json"))
                .header("Retry-After", equalTo("10")).body("service", equalTo("time-service"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("revenue", 1, "agentCost", 1))
                .put("/api/costing/clients/CLIENT-A/months/2026-03").then().statusCode(503).header("Retry-After", equalTo("10"));
        // Its own configuration does not need time-service.
        given().auth().oauth2(ADMIN).get("/api/costing/policy").then().statusCode(200);
    }
}
