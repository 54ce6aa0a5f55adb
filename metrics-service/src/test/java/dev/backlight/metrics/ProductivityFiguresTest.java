package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
class ProductivityFiguresTest {

    private static final String BASELINE_START = "2026-03-02";

    /** The seed's baseline: 14 h of scheduling for 2 schedules, 40 h of QA for 80 evaluations, plus untracked "other". */
    private static Operation seedBaseline(int agents) {
        Operation op = Operation.withAgents(agents, agents + 15);
        long scheduler = op.employee("sam", "WFM");
        long analyst = op.employee("quinn", "QA");
        op.logs(scheduler, "SCHEDULING", null, "2026-03-02", 7 * 60);
        op.logs(scheduler, "SCHEDULING", null, "2026-03-09", 7 * 60);
        op.logs(scheduler, "OTHER", null, "2026-03-03", 3 * 60);
        op.logsHours(analyst, "QA_EVALUATION", "2026-03-02", 40);
        op.output("SCHEDULING", scheduler, "2026-03-02", "2026-03-09", 1);
        op.output("SCHEDULING", scheduler, "2026-03-09", "2026-03-16", 1);
        op.output("QA_EVALUATION", analyst, "2026-03-02", "2026-03-16", 80);
        return op;
    }

    @Test
    void seedsWorkedExamplesComeOutAsTheSeedSays() {
        Operation op = seedBaseline(50);
        op.asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(200)
                .body("to", equalTo("2026-03-16"))
                .body("agents", equalTo(50.0f))
                .body("totalHours", equalTo(57.0f))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.hours", equalTo(14.0f))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.units", equalTo(2))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.hoursPerUnit", equalTo(7.0f))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.productivity.value", equalTo(7.0f))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.band", equalTo("SLOW"))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.slowAbove", equalTo(6.0f))
                // Closing the gap to the top of "reasonable" (4 h) would free 3 h per schedule.
                .body("functions.find { it.functionCode == 'SCHEDULING' }.hoursAboveReasonable", equalTo(6.0f))
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.minutesPerUnit", equalTo(30.0f))
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.benchmark.band", equalTo("REASONABLE"))
                // 80 evaluations over the analyst's 5 days of QA: 16 per analyst per day.
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.productivity.value", equalTo(16.0f))
                .body("functions.find { it.functionCode == 'OTHER' }.units", equalTo(0))
                .body("functions.find { it.functionCode == 'OTHER' }.benchmark", nullValue())
                .body("functionsWithoutOutput", equalTo(List.of("OTHER")));
    }

    @Test
    void bandsScaleWithTheOperationsSize() {
        // The same 7 h per schedule is reasonable for 100 agents (4-8 h) and slow for 25 agents (over 3 h).
        seedBaseline(100).asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(200)
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.band", equalTo("REASONABLE"))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.reasonableTo", equalTo(8.0f))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.scaledToSize", equalTo(100.0f))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.hoursAboveReasonable", equalTo(0.0f));
        seedBaseline(25).asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(200)
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.band", equalTo("SLOW"))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.slowAbove", equalTo(3.0f))
                // QA's bands are per evaluation and do not scale.
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.benchmark.reasonableTo", equalTo(30.0f));
    }

    @Test
    void aHeadcountChangeMidPeriodScalesBandsByTheDaysEachSizeWasInForce() {
        Operation op = seedBaseline(50);
        op.headcountFrom(java.time.LocalDate.parse("2026-03-09"), 150, 170);
        // 7 days at 50 agents and 7 at 150: an operation of 100 on average.
        op.asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(200)
                .body("agents", equalTo(100.0f))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.band", equalTo("REASONABLE"));
    }

    @Test
    void valuesBetweenTwoBandsGetTheirOwnLabel() {
        Operation op = Operation.withAgents(50, 65);
        long scheduler = op.employee("gap", "WFM");
        op.logs(scheduler, "SCHEDULING", null, "2026-03-02", 5 * 60);
        op.output("SCHEDULING", scheduler, "2026-03-02", "2026-03-09", 1);
        op.asManager().queryParam("from", BASELINE_START).queryParam("to", "2026-03-09").get("/api/metrics/baseline").then()
                .statusCode(200)
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.band", equalTo("NEEDS_ATTENTION"))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.hoursAboveReasonable", equalTo(1.0f));
    }

    @Test
    void qualityIsReportedBesideEveryFigureAndChargesReworkToTheFunction() {
        Operation op = seedBaseline(50);
        op.finding("SCHEDULING", "COVERAGE_GAP", "2026-03-04", 1, null);
        op.finding("SCHEDULING", "OVERTIME_TRIGGERED", "2026-03-11", 1, null);
        op.finding("QA_EVALUATION", "INTER_RATER_RELIABILITY", "2026-03-12", null, 80);
        op.asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(200)
                .body("functions.find { it.functionCode == 'SCHEDULING' }.quality.defects", equalTo(2))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.quality.defectsPerUnit", equalTo(1.0f))
                // 7 h x (1 + 2 defects / 2 schedules)
                .body("functions.find { it.functionCode == 'SCHEDULING' }.qualityAdjustedHoursPerUnit", equalTo(14.0f))
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.quality.interRaterReliability", equalTo(80.0f))
                // 0.5 h / 80 %
                .body("functions.find { it.functionCode == 'QA_EVALUATION' }.qualityAdjustedHoursPerUnit", equalTo(0.625f));
    }

    @Test
    void tenantsOverrideBandsAndCanGoBackToTheSeedsValues() {
        Operation op = seedBaseline(50);
        op.asAdmin().body(Map.of("basis", "HOURS_PER_UNIT", "scale", "AGENTS", "referenceSize", 50, "efficientBelow", 5,
                        "reasonableFrom", 5, "reasonableTo", 8, "slowAbove", 10))
                .put("/api/metrics/benchmarks/SCHEDULING").then().statusCode(200).body("bands.standard", equalTo(false));
        op.asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then()
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.band", equalTo("REASONABLE"))
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.standard", equalTo(false));
        op.asManager().get("/api/metrics/benchmarks").then().statusCode(200)
                .body("items.find { it.functionCode == 'SCHEDULING' }.bands.standard", equalTo(false))
                .body("items.find { it.functionCode == 'PAYROLL' }.bands.standard", equalTo(true));

        op.asAdmin().body(Map.of("basis", "HOURS_PER_UNIT", "scale", "NONE", "efficientBelow", 5, "reasonableFrom", 4,
                "reasonableTo", 8, "slowAbove", 10)).put("/api/metrics/benchmarks/SCHEDULING").then().statusCode(400)
                .body("errors.field", hasItem("reasonableFrom"));
        op.asManager().body(Map.of()).put("/api/metrics/benchmarks/SCHEDULING").then().statusCode(403);

        op.asAdmin().delete("/api/metrics/benchmarks/SCHEDULING").then().statusCode(204);
        op.asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then()
                .body("functions.find { it.functionCode == 'SCHEDULING' }.benchmark.band", equalTo("SLOW"));
    }

    @Test
    void figuresBreakDownByEmployeeTeamAndClient() {
        Operation op = Operation.withAgents(50, 65);
        op.client("ACME");
        op.client("GLOBEX");
        long ann = op.employee("ann", "Finance");
        long bob = op.employee("bob", "Finance");
        op.logs(ann, "INVOICING", "ACME", "2026-03-02", 120);
        op.logs(bob, "INVOICING", "GLOBEX", "2026-03-03", 300);
        op.asManager().body(Map.of("functionCode", "INVOICING", "employeeId", ann, "clientCode", "ACME",
                "periodStart", "2026-03-02", "units", 2)).post("/api/metrics/outputs").then().statusCode(201);
        op.asManager().body(Map.of("functionCode", "INVOICING", "employeeId", bob, "clientCode", "GLOBEX",
                "periodStart", "2026-03-03", "units", 1)).post("/api/metrics/outputs").then().statusCode(201);

        op.asAnalyst().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "client")
                .get("/api/metrics/productivity").then().statusCode(200)
                .body("functions", hasSize(2))
                .body("functions.find { it.slice == 'ACME' }.hoursPerUnit", equalTo(1.0f))
                .body("functions.find { it.slice == 'ACME' }.benchmark.band", equalTo("REASONABLE"))
                .body("functions.find { it.slice == 'GLOBEX' }.hoursPerUnit", equalTo(5.0f))
                .body("functions.find { it.slice == 'GLOBEX' }.benchmark.band", equalTo("SLOW"));
        op.asAnalyst().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "employee")
                .get("/api/metrics/productivity").then().statusCode(200)
                .body("functions.find { it.slice == '" + bob + "' }.units", equalTo(1));
        op.asAnalyst().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").queryParam("groupBy", "team")
                .get("/api/metrics/productivity").then().statusCode(200)
                .body("functions", hasSize(1))
                .body("functions[0].slice", equalTo("Finance"))
                .body("functions[0].hoursPerUnit", equalTo(2.3333f));
    }

    @Test
    void qaPerAnalystPerDayDividesByEachAnalystsAndEachTeamsOwnDays() {
        Operation op = Operation.withAgents(50, 65);
        long quinn = op.employee("quinn", "QA");
        long rae = op.employee("rae", "QA");
        // Quinn: 40 evaluations over 2 days; Rae: 30 over 3 days, two of them the same as Quinn's and one with a
        // second entry for a client: the team did 70 over 5 person-days.
        op.client("ACME");
        op.logsHours(quinn, "QA_EVALUATION", "2026-03-02", 16);
        op.logsHours(rae, "QA_EVALUATION", "2026-03-02", 24);
        op.logs(rae, "QA_EVALUATION", "ACME", "2026-03-04", 60);
        op.output("QA_EVALUATION", quinn, "2026-03-02", "2026-03-09", 40);
        op.output("QA_EVALUATION", rae, "2026-03-02", "2026-03-09", 30);
        // Whole months read the monthly rollups, a week the daily ones: the same days either way.
        for (String[] range : List.of(new String[] {"2026-03-01", "2026-04-01"}, new String[] {"2026-03-02", "2026-03-09"})) {
            op.asAnalyst().queryParam("from", range[0]).queryParam("to", range[1]).queryParam("groupBy", "employee")
                    .get("/api/metrics/productivity").then().statusCode(200)
                    .body("functions.find { it.slice == '" + quinn + "' }.productivity.value", equalTo(20.0f))
                    .body("functions.find { it.slice == '" + rae + "' }.productivity.value", equalTo(10.0f));
            op.asAnalyst().queryParam("from", range[0]).queryParam("to", range[1]).queryParam("groupBy", "team")
                    .get("/api/metrics/productivity").then().statusCode(200)
                    .body("functions.find { it.slice == 'QA' }.productivity.value", equalTo(14.0f));
            op.asAnalyst().queryParam("from", range[0]).queryParam("to", range[1])
                    .get("/api/metrics/productivity").then().statusCode(200)
                    .body("functions.find { it.functionCode == 'QA_EVALUATION' }.productivity.value", equalTo(14.0f));
        }
    }

    @Test
    void reportsComeAsCsvForBiTools() {
        Operation op = seedBaseline(50);
        op.asAnalyst().accept("text/csv").queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("SCHEDULING"))
                .body(containsString("SLOW"));
    }

    @Test
    void badPeriodsAndGroupingsAreProblemsNamingTheParameter() {
        Operation op = Operation.withAgents(50, 65);
        op.asManager().queryParam("from", "2026-03-10").queryParam("to", "2026-03-01").get("/api/metrics/productivity").then()
                .statusCode(400).contentType(containsString("application/problem+json")).body("errors.field", hasItem("to"));
        op.asManager().queryParam("from", "2026-01-01").queryParam("to", "2027-06-01").get("/api/metrics/productivity").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        op.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-10").queryParam("groupBy", "planet")
                .get("/api/metrics/productivity").then().statusCode(400).body("errors.field", hasItem("groupBy"));
        op.asManager().get("/api/metrics/baseline").then().statusCode(400);
        op.as(TestTokens.token(op.tenant, "staff-1", "staff"))
                .queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(403);
    }

    @Test
    void aPayrollRecordOfTwoCyclesJudgesAsTwoRecordsOfOne() {
        // 200 employees paid in each of two cycles, 32 h in all: 16 h a cycle, reasonable for 200 employees.
        String oneRecord = payrollBand(List.of(Map.of("units", 2, "employeesCovered", 200,
                "periodStart", "2026-03-02", "periodEnd", "2026-03-16")));
        String twoRecords = payrollBand(List.of(
                Map.of("units", 1, "employeesCovered", 200, "periodStart", "2026-03-02", "periodEnd", "2026-03-09"),
                Map.of("units", 1, "employeesCovered", 200, "periodStart", "2026-03-09", "periodEnd", "2026-03-16")));
        assertEquals("200.0 REASONABLE", oneRecord);
        assertEquals(oneRecord, twoRecords);
    }

    /** The payroll's scaled size and band of an operation whose pay cycles are recorded as {@code records}. */
    private static String payrollBand(List<Map<String, Object>> records) {
        Operation op = Operation.withAgents(100, 150);
        long pay = op.employee("pat", "Payroll");
        op.logsHours(pay, "PAYROLL", BASELINE_START, 32);
        for (Map<String, Object> record : records) {
            Map<String, Object> body = new java.util.HashMap<>(record);
            body.put("functionCode", "PAYROLL");
            body.put("employeeId", pay);
            op.asManager().body(body).post("/api/metrics/outputs").then().statusCode(201);
        }
        var figures = op.asManager().queryParam("from", BASELINE_START).get("/api/metrics/baseline").then().statusCode(200)
                .extract().jsonPath();
        return figures.getString("functions.find { it.functionCode == 'PAYROLL' }.benchmark.scaledToSize") + " "
                + figures.getString("functions.find { it.functionCode == 'PAYROLL' }.benchmark.band");
    }
}
