package dev.backlight.costing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
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
class OvertimeTest {

    /** The seed: a 50-hour week (10 h of overtime) at $25 an hour. */
    private static Bpo fiftyHourWeek() {
        Bpo bpo = Bpo.inDollars();
        long dana = bpo.employee("dana", "Workforce management");
        for (LocalDate day = LocalDate.parse("2026-03-02"); day.isBefore(LocalDate.parse("2026-03-07")); day = day.plusDays(1)) {
            bpo.logs(dana, null, day, 10 * 60);
        }
        return bpo;
    }

    @Test
    void theSeedsOvertimeExampleCosts375AWeekAnd19500AYear() {
        Bpo bpo = fiftyHourWeek();
        bpo.asManager().queryParam("from", "2026-03-02").queryParam("to", "2026-03-09").get("/api/costing/overtime").then()
                .statusCode(200)
                .body("weeklyThresholdHours", equalTo(40.0f))
                .body("multiplier", equalTo(1.5f))
                .body("overtimeHours", equalTo(10.0f))
                .body("overtimeCost", equalTo(375.0f))
                .body("costPerWeek", equalTo(375.0f))
                .body("costPerYear", equalTo(19500.0f))
                .body("weeks", hasSize(1))
                .body("weeks[0].weekStart", equalTo("2026-03-02"))
                .body("employees[0].name", equalTo("Employee dana"))
                .body("employees[0].weeksOverThreshold", equalTo(1));
    }

    @Test
    void processFixesAreWeighedAgainstTheOvertime() {
        Bpo bpo = fiftyHourWeek();
        bpo.asAdmin().body(Map.of("name", "Scheduling software", "functionCode", "SCHEDULING", "monthlyCost", 250, "hoursSavedPerWeek", 4))
                .post("/api/costing/process-fixes").then().statusCode(201).body("costPerYear", equalTo(3000));
        bpo.asAdmin().body(Map.of("name", "Automated time tracking", "functionCode", "TIMESHEET_REVIEW", "costPerUserMonth", 5,
                "users", 10, "setupCost", 1200, "hoursSavedPerWeek", 3)).post("/api/costing/process-fixes").then().statusCode(201);
        bpo.asAdmin().body(Map.of("name", "Scheduling software", "monthlyCost", 1, "hoursSavedPerWeek", 1))
                .post("/api/costing/process-fixes").then().statusCode(409);
        bpo.asAdmin().body(Map.of("name", "Both", "monthlyCost", 1, "costPerUserMonth", 1, "users", 2, "hoursSavedPerWeek", 1))
                .post("/api/costing/process-fixes").then().statusCode(400).body("errors.field", equalTo(List.of("monthlyCost")));

        bpo.asManager().queryParam("from", "2026-03-02").queryParam("to", "2026-03-09").get("/api/costing/overtime/fixes").then()
                .statusCode(200)
                // 4 h a week of overtime avoided at $37.50: $7,800 a year for $3,000.
                .body("find { it.option == 'Scheduling software' }.costPerYear", equalTo(3000.0f))
                .body("find { it.option == 'Scheduling software' }.valueOfHoursSavedPerYear", equalTo(7800.0f))
                .body("find { it.option == 'Scheduling software' }.netPerYear", equalTo(4800.0f))
                .body("find { it.option == 'Scheduling software' }.paybackMonths", equalTo(0.0f))
                .body("find { it.option == 'Scheduling software' }.cheaperThanOvertime", equalTo(true))
                // 3 h a week at $37.50 = $5,850 a year for $600 a year: $5,250 net pays the $1,200 set-up back in 2.8 months.
                .body("find { it.option == 'Automated time tracking' }.costPerYear", equalTo(600.0f))
                .body("find { it.option == 'Automated time tracking' }.valueOfHoursSavedPerYear", equalTo(5850.0f))
                .body("find { it.option == 'Automated time tracking' }.paybackMonths", equalTo(2.8f));
        bpo.asAnalyst().accept("text/csv").queryParam("from", "2026-03-02").queryParam("to", "2026-03-09")
                .get("/api/costing/overtime/fixes").then().statusCode(200).body(containsString("Scheduling software"));
        bpo.asAnalyst().accept("text/csv").queryParam("from", "2026-03-02").queryParam("to", "2026-03-09")
                .get("/api/costing/overtime").then().statusCode(200).body(containsString("2026-03-02,10.00,375.00"));
        // Analysts see the overtime of the operation, not of each person.
        bpo.asAnalyst().queryParam("from", "2026-03-02").queryParam("to", "2026-03-09").get("/api/costing/overtime").then()
                .statusCode(200).body("overtimeHours", equalTo(10.0f)).body("employees", hasSize(0));
        bpo.asManager().queryParam("from", "2026-03-02").queryParam("to", "2026-03-09").get("/api/costing/overtime").then()
                .statusCode(200).body("employees", hasSize(1));
    }

    @Test
    void overtimeOfAWeekSpanningTwoMonthsFallsOnTheDaysItWasWorked() {
        Bpo bpo = Bpo.inDollars();
        long dana = bpo.employee("dana", "Workforce management");
        // Monday 27 April to Thursday 30 April: 48 h, 8 of them overtime on the 30th; Friday 1 May: 8 h more, all overtime.
        for (LocalDate day = LocalDate.parse("2026-04-27"); day.isBefore(LocalDate.parse("2026-05-01")); day = day.plusDays(1)) {
            bpo.logs(dana, null, day, 12 * 60);
        }
        bpo.logs(dana, null, LocalDate.parse("2026-05-01"), 8 * 60);
        bpo.asManager().queryParam("from", "2026-04-01").queryParam("to", "2026-05-01").get("/api/costing/overtime").then()
                .body("overtimeHours", equalTo(8.0f)).body("overtimeCost", equalTo(300.0f)).body("weeks[0].weekStart", equalTo("2026-04-27"));
        bpo.asManager().queryParam("from", "2026-05-01").queryParam("to", "2026-06-01").get("/api/costing/overtime").then()
                .body("overtimeHours", equalTo(8.0f)).body("weeks[0].weekStart", equalTo("2026-04-27"));

        // A higher threshold in the policy leaves only Friday's hours beyond it.
        bpo.asAdmin().body(Map.of("overtimeWeeklyThresholdHours", 50, "overtimeMultiplier", 2, "allocation", "NONE"))
                .put("/api/costing/policy").then().statusCode(200);
        bpo.asManager().queryParam("from", "2026-04-01").queryParam("to", "2026-06-01").get("/api/costing/overtime").then()
                .body("overtimeHours", equalTo(6.0f)).body("overtimeCost", equalTo(300.0f));
    }
}
