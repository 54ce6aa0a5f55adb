package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.HashMap;
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
class ReviewsTest {

    /**
     * February against March: onboarding doubles its hires at a better rate (a volume spike), reporting takes longer per
     * report (an efficiency decline), scheduling slips from 4 h to 7 h per schedule (the biggest gap to close).
     */
    private static Operation februaryAndMarch() {
        Operation op = Operation.withAgents(50, 65);
        long hr = op.employee("hana", "HR");
        long analyst = op.employee("ravi", "Reporting");
        long scheduler = op.employee("sol", "WFM");
        op.logsHours(hr, "ONBOARDING", "2026-02-02", 20);
        op.output("ONBOARDING", hr, "2026-02-01", "2026-03-01", 8);
        op.logsHours(hr, "ONBOARDING", "2026-03-02", 36);
        op.output("ONBOARDING", hr, "2026-03-01", "2026-04-01", 16);

        op.logsHours(analyst, "REPORTING", "2026-02-09", 8);
        op.output("REPORTING", analyst, "2026-02-01", "2026-03-01", 4);
        op.logsHours(analyst, "REPORTING", "2026-03-09", 12);
        op.output("REPORTING", analyst, "2026-03-01", "2026-04-01", 4);

        op.logsHours(scheduler, "SCHEDULING", "2026-02-02", 16);
        op.output("SCHEDULING", scheduler, "2026-02-01", "2026-03-01", 4);
        op.logsHours(scheduler, "SCHEDULING", "2026-03-02", 28);
        op.output("SCHEDULING", scheduler, "2026-03-01", "2026-04-01", 4);
        return op;
    }

    @Test
    void monthlyReviewSplitsEachIncreaseIntoVolumeAndRateEffects() {
        Operation op = februaryAndMarch();
        op.asManager().queryParam("month", "2026-03").get("/api/metrics/reviews/monthly").then().statusCode(200)
                .body("month", equalTo("2026-03"))
                .body("functions.find { it.functionCode == 'ONBOARDING' }.cause", equalTo("VOLUME_SPIKE"))
                .body("functions.find { it.functionCode == 'ONBOARDING' }.hoursChange", equalTo(16.0f))
                // (16 - 8) hires x 2.5 h before, and the rest from the better rate: 20 - 4 = 16.
                .body("functions.find { it.functionCode == 'ONBOARDING' }.volumeEffect", equalTo(20.0f))
                .body("functions.find { it.functionCode == 'ONBOARDING' }.rateEffect", equalTo(-4.0f))
                .body("functions.find { it.functionCode == 'REPORTING' }.cause", equalTo("EFFICIENCY_DECLINE"))
                .body("functions.find { it.functionCode == 'REPORTING' }.volumeEffect", equalTo(0.0f))
                .body("functions.find { it.functionCode == 'REPORTING' }.rateEffect", equalTo(4.0f))
                .body("functions.find { it.functionCode == 'REPORTING' }.bandNow", equalTo("NEEDS_ATTENTION"))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.cause", equalTo("EFFICIENCY_DECLINE"));
    }

    @Test
    void eachMonthOfAReviewCountsItsOwnQaDays() {
        Operation op = Operation.withAgents(50, 65);
        long analyst = op.employee("quinn", "QA");
        // February: 60 evaluations over 5 days of QA (12 a day); March: 48 over 2 days (24 a day).
        op.logsHours(analyst, "QA_EVALUATION", "2026-02-23", 40);
        op.output("QA_EVALUATION", analyst, "2026-02-01", "2026-03-01", 60);
        op.logsHours(analyst, "QA_EVALUATION", "2026-03-02", 16);
        op.output("QA_EVALUATION", analyst, "2026-03-01", "2026-04-01", 48);
        op.asManager().queryParam("month", "2026-03").get("/api/metrics/reviews/monthly").then().statusCode(200)
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.hoursBefore", equalTo(40.0f))
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.hoursNow", equalTo(16.0f))
                .body("figures.functions.find { it.functionCode == 'QA_EVALUATION' }.productivity.value", equalTo(24.0f));
        op.asManager().queryParam("month", "2026-02").get("/api/metrics/reviews/monthly").then().statusCode(200)
                .body("figures.functions.find { it.functionCode == 'QA_EVALUATION' }.productivity.value", equalTo(12.0f));
    }

    @Test
    void monthlyReviewPicksTheFunctionWhoseGapFreesTheMostHours() {
        Operation op = februaryAndMarch();
        // Scheduling: (7 - 4) h x 4 schedules = 12 h; reporting: (3 - 2) h x 4 reports = 4 h.
        op.asManager().queryParam("month", "2026-03").get("/api/metrics/reviews/monthly").then().statusCode(200)
                .body("improveNext.functionCode", equalTo("SCHEDULING"))
                .body("improveNext.band", equalTo("SLOW"))
                .body("improveNext.hoursFreed", equalTo(12.0f))
                .body("improveNext.suggestedFix", containsString("scheduling software"));

        // Make reporting far worse and it becomes the one to fix first.
        long late = op.employee("lee", "Reporting");
        op.logsHours(late, "REPORTING", "2026-03-16", 40);
        op.output("REPORTING", late, "2026-03-16", "2026-03-23", 2);
        op.asManager().queryParam("month", "2026-03").get("/api/metrics/reviews/monthly").then().statusCode(200)
                .body("improveNext.functionCode", equalTo("REPORTING"));
    }

    @Test
    void monthlyReviewComesAsCsvAndRejectsABadMonth() {
        Operation op = februaryAndMarch();
        op.asAnalyst().accept("text/csv").queryParam("month", "2026-03").get("/api/metrics/reviews/monthly").then()
                .statusCode(200).body(containsString("ONBOARDING")).body(containsString("VOLUME_SPIKE"));
        op.asManager().queryParam("month", "March").get("/api/metrics/reviews/monthly").then().statusCode(400)
                .body("errors.field", hasItem("month"));
        op.asManager().queryParam("quarter", "2026-Q5").get("/api/metrics/reviews/quarterly").then().statusCode(400)
                .body("errors.field", hasItem("quarter"));
    }

    /** Q4 2025 and Q1 2026 of invoicing for a 50-agent operation; hours in Q1 as given. */
    private static Operation quarters(int q1Hours, int q1Invoices, int q1Corrections) {
        Operation op = Operation.withAgents(50, 65);
        op.headcountFrom(LocalDate.parse("2025-10-01"), 50, 65);
        long clerk = op.employee("ivy", "Finance");
        op.logsHours(clerk, "INVOICING", "2025-11-03", 20);
        op.output("INVOICING", clerk, "2025-10-01", "2026-01-01", 20);
        op.finding("INVOICING", "INVOICE_CORRECTION", "2025-11-20", 1, null);
        op.logsHours(clerk, "INVOICING", "2026-02-02", q1Hours);
        op.output("INVOICING", clerk, "2026-01-01", "2026-04-01", q1Invoices);
        if (q1Corrections > 0) {
            op.finding("INVOICING", "INVOICE_CORRECTION", "2026-02-20", q1Corrections, null);
        }
        return op;
    }

    @Test
    void quarterlyReviewComparesHoursPerAgentAndRecommendsProcessWorkWhenProcessesSlip() {
        Operation op = quarters(60, 20, 4);
        Map<String, Object> added = new HashMap<>(Map.of("functionCode", "INVOICING", "name", "Second approval of every invoice",
                "change", "ADDED", "effectiveOn", "2026-02-01", "hoursPerMonth", 6));
        op.asManager().body(added).post("/api/metrics/processes").then().statusCode(201)
                .body("addsWorkloadWithoutSimplification", equalTo(true));
        op.asManager().body(Map.of("functionCode", "INVOICING", "name", "Invoice template", "change", "ADDED",
                        "effectiveOn", "2026-02-15", "replaces", "Hand-typed invoices")).post("/api/metrics/processes").then()
                .statusCode(201).body("addsWorkloadWithoutSimplification", equalTo(false));

        op.asManager().queryParam("quarter", "2026-Q1").get("/api/metrics/reviews/quarterly").then().statusCode(200)
                .body("from", equalTo("2026-01-01"))
                .body("workload.hoursPerAgentBefore", equalTo(0.4f))
                .body("workload.hoursPerAgentNow", equalTo(1.2f))
                .body("workload.hoursPer100AgentsNow", equalTo(120.0f))
                .body("workload.changePercent", equalTo(200.0f))
                .body("workload.trend", equalTo("RISING"))
                .body("errorRates.find { it.functionCode == 'INVOICING' }.defectsPerUnitBefore", equalTo(0.05f))
                .body("errorRates.find { it.functionCode == 'INVOICING' }.defectsPerUnitNow", equalTo(0.2f))
                .body("errorRates.find { it.functionCode == 'INVOICING' }.direction", equalTo("WORSE"))
                .body("processesAddedWithoutSimplification", hasSize(1))
                .body("processesAddedWithoutSimplification[0].name", equalTo("Second approval of every invoice"))
                .body("recommendation.focus", equalTo("PROCESS_IMPROVEMENT"))
                .body("recommendation.reasons", hasItem(containsString("NEEDS_ATTENTION")))
                .body("recommendation.reasons", hasItem(containsString("Quality of INVOICING got worse")))
                .body("recommendation.reasons", hasItem(containsString("1 process(es) added")));
        op.asAnalyst().accept("text/csv").queryParam("quarter", "2026-Q1").get("/api/metrics/reviews/quarterly").then()
                .statusCode(200).body(containsString("INVOICING")).body(containsString("WORSE"));
    }

    @Test
    void quarterlyReviewRecommendsCapacityWhenProcessesAreInShapeAndTheWorkloadGrows() {
        Operation op = quarters(45, 30, 0);
        op.asManager().queryParam("quarter", "2026-Q1").get("/api/metrics/reviews/quarterly").then().statusCode(200)
                .body("workload.trend", equalTo("RISING"))
                .body("errorRates.find { it.functionCode == 'INVOICING' }.direction", equalTo("BETTER"))
                .body("recommendation.focus", equalTo("CAPACITY_ADJUSTMENT"))
                .body("recommendation.reasons", hasItem(containsString("rising")));
    }

    @Test
    void theProcessRegisterListsChangesByPeriodAndValidatesThem() {
        Operation op = Operation.withAgents(50, 65);
        op.asManager().body(Map.of("functionCode", "COMPLIANCE", "name", "Weekly attestation", "change", "ADDED",
                "effectiveOn", "2026-02-01")).post("/api/metrics/processes").then().statusCode(201);
        op.asManager().body(Map.of("functionCode", "COMPLIANCE", "name", "Monthly attestation", "change", "REMOVED",
                "effectiveOn", "2026-02-01", "replaces", "x")).post("/api/metrics/processes").then().statusCode(400)
                .body("errors.field", hasItem("replaces"));
        op.asManager().body(Map.of("functionCode", "NOPE", "name", "x", "change", "ADDED", "effectiveOn", "2026-02-01"))
                .post("/api/metrics/processes").then().statusCode(400).body("errors.field", hasItem("functionCode"));
        op.asManager().body(Map.of("functionCode", "COMPLIANCE", "change", "ADDED", "effectiveOn", "2026-02-01"))
                .post("/api/metrics/processes").then().statusCode(400).body("errors.field", hasItem("name"));
        op.asAnalyst().queryParam("from", "2026-01-01").queryParam("to", "2026-04-01").get("/api/metrics/processes").then()
                .statusCode(200).body("items.name", equalTo(java.util.List.of("Weekly attestation")));
        Operation.withAgents(50, 65).asAnalyst().queryParam("from", "2026-01-01").queryParam("to", "2026-04-01")
                .get("/api/metrics/processes").then().statusCode(200).body("items", hasSize(0));
        op.as(TestTokens.token(op.tenant, "s", "staff")).queryParam("from", "2026-01-01").queryParam("to", "2026-04-01")
                .get("/api/metrics/processes").then().statusCode(403);
    }
}
