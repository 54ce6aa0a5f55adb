package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class WorkloadTest {

    /** The seed: interrupted 8 times in an 8-hour day (4 agent questions, 2 supervisor requests, 2 HR questions). */
    private static Operation eightInterruptionsInADay() {
        Operation op = Operation.withAgents(50, 65);
        long dana = op.employee("dana", "WFM");
        op.logs(dana, "SCHEDULING", null, "2026-03-09", 8 * 60);
        String[] kinds = {"AGENT_QUESTION", "AGENT_QUESTION", "AGENT_QUESTION", "AGENT_QUESTION", "SUPERVISOR_AD_HOC_REQUEST",
                "SUPERVISOR_AD_HOC_REQUEST", "HR_QUESTION", "HR_QUESTION"};
        for (int i = 0; i < kinds.length; i++) {
            op.interruption(dana, "2026-03-09T" + LocalTime.of(9, 5).plusMinutes(50L * i) + ":00-04:00", kinds[i], 0);
        }
        return op;
    }

    @Test
    void eightInterruptionsADayCost80To120MinutesOfContextSwitching() {
        Operation op = eightInterruptionsInADay();
        op.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-10").get("/api/metrics/workload/interruption-cost")
                .then().statusCode(200)
                .body("contextSwitchMinutesLow", equalTo(10)).body("contextSwitchMinutesHigh", equalTo(15))
                .body("interruptions", equalTo(8))
                .body("days[0].minutesLostLow", equalTo(80))
                .body("days[0].minutesLostHigh", equalTo(120))
                .body("days[0].minutesLogged", equalTo(480))
                .body("days[0].percentLostLow", equalTo(16.67f))
                .body("days[0].percentLostHigh", equalTo(25.0f))
                .body("byKind.find { it.kind == 'AGENT_QUESTION' }.interruptions", equalTo(4))
                .body("byKind.find { it.kind == 'AGENT_QUESTION' }.minutesLostLow", equalTo(40))
                .body("byKind.find { it.kind == 'AGENT_QUESTION' }.fix", containsString("Self-service"))
                .body("byKind.find { it.kind == 'HR_QUESTION' }.fix", containsString("Batch"))
                .body("weeks[0].weekStart", equalTo("2026-03-09"))
                .body("weeks[0].perEmployeeDay", equalTo(8.0f));
        op.asAnalyst().accept("text/csv").queryParam("from", "2026-03-09").queryParam("to", "2026-03-10")
                .get("/api/metrics/workload/interruption-cost").then().statusCode(200)
                .body(containsString("2026-03-09,")).body(containsString(",8,0,80,120,480,16.67,25.00"));
    }

    @Test
    void interruptionWeeksStartOnTheTenantsWeekStart() {
        Operation op = eightInterruptionsInADay();
        op.weekStartsOn("SUNDAY");
        // Monday 9 March 2026 belongs to the week that started on Sunday the 8th.
        op.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-10").get("/api/metrics/workload/interruption-cost")
                .then().statusCode(200).body("weeks[0].weekStart", equalTo("2026-03-08"));
    }

    @Test
    void theContextSwitchCostIsTheTenantsToSet() {
        Operation op = eightInterruptionsInADay();
        op.asAdmin().body(Map.of("contextSwitchMinutesLow", 5, "contextSwitchMinutesHigh", 8)).put("/api/metrics/workload/settings")
                .then().statusCode(200);
        op.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-10").get("/api/metrics/workload/interruption-cost")
                .then().body("days[0].minutesLostLow", equalTo(40)).body("days[0].minutesLostHigh", equalTo(64));
        op.asAdmin().body(Map.of("contextSwitchMinutesLow", 20, "contextSwitchMinutesHigh", 8)).put("/api/metrics/workload/settings")
                .then().statusCode(400).body("errors.field", hasItem("contextSwitchMinutesHigh"));
        op.asManager().body(Map.of("contextSwitchMinutesLow", 5, "contextSwitchMinutesHigh", 8)).put("/api/metrics/workload/settings")
                .then().statusCode(403);
        // Another tenant keeps the seed's figures and sees none of these interruptions.
        Operation other = Operation.withAgents(50, 65);
        other.asManager().get("/api/metrics/workload/settings").then().body("contextSwitchMinutesLow", equalTo(10));
        other.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-10").get("/api/metrics/workload/interruption-cost")
                .then().statusCode(200).body("interruptions", equalTo(0));
    }
}
