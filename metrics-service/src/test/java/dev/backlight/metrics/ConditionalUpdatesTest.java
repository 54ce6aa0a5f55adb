package dev.backlight.metrics;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Settings two admins may change at once: whoever read an older version gets 412 instead of overwriting the other. */
@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class ConditionalUpdatesTest {

    private static final String SETTINGS = "/api/metrics/workload/settings";
    private static final String SCHEDULING_BANDS = "/api/metrics/benchmarks/SCHEDULING";

    private static Map<String, Object> bands(int slowAbove) {
        return Map.of("basis", "HOURS_PER_UNIT", "scale", "AGENTS", "referenceSize", 50, "efficientBelow", 2,
                "reasonableFrom", 2, "reasonableTo", 4, "slowAbove", slowAbove);
    }

    @Test
    void workloadSettingsChangedSinceTheyWereReadAreNotOverwritten() {
        Operation op = Operation.withAgents(50, 65);
        String defaults = op.asAdmin().get(SETTINGS).then().statusCode(200).header("ETag", "\"0\"").extract().header("ETag");
        op.asAdmin().header("If-Match", defaults).body(Map.of("contextSwitchMinutesLow", 5, "contextSwitchMinutesHigh", 8))
                .put(SETTINGS).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        op.asAdmin().header("If-Match", defaults).body(Map.of("contextSwitchMinutesLow", 20, "contextSwitchMinutesHigh", 25))
                .put(SETTINGS).then().statusCode(412).contentType("application/problem+json");
        op.asManager().get(SETTINGS).then().body("contextSwitchMinutesLow", equalTo(5));
    }

    @Test
    void aFunctionsBandsChangedSinceTheyWereReadAreNotOverwrittenNorReset() {
        Operation op = Operation.withAgents(50, 65);
        op.asManager().get("/api/metrics/benchmarks").then()
                .body("items.find { it.functionCode == 'SCHEDULING' }.version", equalTo(0));
        op.asAdmin().header("If-Match", "\"0\"").body(bands(6)).put(SCHEDULING_BANDS).then().statusCode(200)
                .header("ETag", "\"1\"").body("functionName", equalTo("Schedule building"));
        op.asAdmin().header("If-Match", "\"0\"").body(bands(9)).put(SCHEDULING_BANDS).then().statusCode(412);
        op.asAdmin().header("If-Match", "\"0\"").delete(SCHEDULING_BANDS).then().statusCode(412);
        op.asManager().get("/api/metrics/benchmarks").then()
                .body("items.find { it.functionCode == 'SCHEDULING' }.bands.slowAbove", equalTo(6.0f))
                .body("items.find { it.functionCode == 'SCHEDULING' }.version", equalTo(1));
        op.asAdmin().header("If-Match", "\"1\"").delete(SCHEDULING_BANDS).then().statusCode(204);
        op.asAdmin().delete(SCHEDULING_BANDS).then().statusCode(404);
    }
}
