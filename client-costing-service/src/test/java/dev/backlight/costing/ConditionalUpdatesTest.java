package dev.backlight.costing;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Two admins changing the same policy or month: the one who read an older version gets 412, not a silent overwrite. */
@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class ConditionalUpdatesTest {

    private static Map<String, Object> policy(String allocation) {
        return Map.of("overtimeWeeklyThresholdHours", 40, "overtimeMultiplier", 1.5, "allocation", allocation);
    }

    @Test
    void aPolicyChangeBasedOnAnOlderVersionIsRefused() {
        Bpo bpo = Bpo.inDollars();
        String defaults = bpo.asAdmin().get("/api/costing/policy").then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0)).extract().header("ETag");
        String first = bpo.asAdmin().header("If-Match", defaults).body(policy("REVENUE")).put("/api/costing/policy")
                .then().statusCode(200).header("ETag", "\"1\"").extract().header("ETag");
        // Another admin still holding the defaults' tag loses, and is told the current version.
        bpo.asAdmin().header("If-Match", defaults).body(policy("DIRECT_HOURS")).put("/api/costing/policy")
                .then().statusCode(412).contentType("application/problem+json");
        bpo.asAdmin().get("/api/costing/policy").then().body("allocation", equalTo("REVENUE"));
        bpo.asAdmin().header("If-Match", first).body(policy("DIRECT_HOURS")).put("/api/costing/policy")
                .then().statusCode(200).body("allocation", equalTo("DIRECT_HOURS")).body("version", equalTo(2));
    }

    @Test
    void aMonthsFiguresChangeOrRemovalBasedOnAnOlderVersionIsRefused() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        String month = "/api/costing/clients/CLIENT-A/months/2026-03";
        // "0": only if nobody set the month yet.
        bpo.asAdmin().header("If-Match", "\"0\"").body(Map.of("revenue", 50000, "agentCost", 35000)).put(month)
                .then().statusCode(201).header("ETag", "\"1\"");
        bpo.asAdmin().header("If-Match", "\"0\"").body(Map.of("revenue", 1, "agentCost", 1)).put(month)
                .then().statusCode(412).contentType("application/problem+json");
        bpo.asAdmin().header("If-Match", "\"1\"").body(Map.of("revenue", 52000, "agentCost", 35000)).put(month)
                .then().statusCode(200).body("revenue", equalTo(52000.0f)).header("ETag", "\"2\"");
        bpo.asAdmin().header("If-Match", "\"1\"").delete(month).then().statusCode(412);
        bpo.asAdmin().header("If-Match", "\"2\"").delete(month).then().statusCode(204);
    }
}
