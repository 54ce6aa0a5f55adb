package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Context switching, batching and sustainability, from time captured in New York (DST began 2026-03-08). */
@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class WorkPatternsTest {

    /** The seed's one person on scheduling, timesheets, QA and reporting, switching all morning. */
    @Test
    void switchesBlocksAndFragmentsComeFromTheOrderOfTheDaysEntries() {
        Operation op = Operation.withAgents(50, 65);
        long solo = op.employee("solo", "WFM");
        op.works(solo, "SCHEDULING", "2026-03-09T09:00:00-04:00", "2026-03-09T09:20:00-04:00");
        op.works(solo, "TIMESHEET_REVIEW", "2026-03-09T09:20:00-04:00", "2026-03-09T09:50:00-04:00");
        op.works(solo, "SCHEDULING", "2026-03-09T09:50:00-04:00", "2026-03-09T10:00:00-04:00");
        op.works(solo, "REPORTING", "2026-03-09T10:00:00-04:00", "2026-03-09T10:45:00-04:00");
        op.works(solo, "QA_EVALUATION", "2026-03-09T10:45:00-04:00", "2026-03-09T11:00:00-04:00");
        op.works(solo, "SCHEDULING", "2026-03-09T11:00:00-04:00", "2026-03-09T12:00:00-04:00");
        // An agent's question halfway through the last hour cuts it in two stretches, without a switch.
        op.interruption(solo, "2026-03-09T11:30:00-04:00", "AGENT_QUESTION", 0);
        // Tuesday: two reporting entries 3 minutes apart are one stretch of 117 minutes' work.
        op.works(solo, "REPORTING", "2026-03-10T09:00:00-04:00", "2026-03-10T10:00:00-04:00");
        op.works(solo, "REPORTING", "2026-03-10T10:03:00-04:00", "2026-03-10T11:00:00-04:00");
        // Time logged as a bare duration has no place in the sequence.
        op.logs(solo, "PAYROLL", null, "2026-03-10", 60);

        op.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-16").get("/api/metrics/workload/context-switching")
                .then().statusCode(200)
                .body("shortBlockMinutes", equalTo(30))
                .body("days[0].day", equalTo("2026-03-09"))
                .body("days[0].functions", equalTo(4))
                .body("days[0].switches", equalTo(5))
                .body("days[0].blocks", equalTo(7))
                .body("days[0].averageBlockMinutes", equalTo(25.7f))
                .body("days[0].minutesInShortBlocks", equalTo(45))
                .body("days[0].shortBlockPercent", equalTo(25.0f))
                .body("days[0].timedMinutes", equalTo(180))
                .body("days[1].switches", equalTo(0)).body("days[1].blocks", equalTo(1)).body("days[1].timedMinutes", equalTo(117))
                .body("employees[0].switchesPerDay", equalTo(2.5f))
                .body("employees[0].averageBlockMinutes", equalTo(37.1f))
                .body("employees[0].shortBlockPercent", equalTo(15.15f))
                // The plan: reporting where most of it already is (Tuesday morning), scheduling Monday morning, the
                // small ones on free half-days; 207 of 297 minutes already sit where the plan puts them.
                .body("batchingPlans[0].weeklyHours.REPORTING", equalTo(2.7f))
                .body("batchingPlans[0].alreadyBatchedPercent", equalTo(69.7f))
                .body("batchingPlans[0].slots.find { it.functionCode == 'REPORTING' }.day", equalTo("TUESDAY"))
                .body("batchingPlans[0].slots.find { it.functionCode == 'REPORTING' }.halfDay", equalTo("MORNING"))
                .body("batchingPlans[0].slots.find { it.functionCode == 'SCHEDULING' }.day", equalTo("MONDAY"))
                .body("batchingPlans[0].slots.find { it.functionCode == 'SCHEDULING' }.halfDay", equalTo("MORNING"))
                .body("batchingPlans[0].slots.find { it.functionCode == 'SCHEDULING' }.hoursThereNow", equalTo(1.5f))
                .body("batchingPlans[0].slots.find { it.functionCode == 'TIMESHEET_REVIEW' }.halfDay", equalTo("AFTERNOON"));

        // A shorter threshold for fragments is the tenant's to set.
        op.asAdmin().body(Map.of("contextSwitchMinutesLow", 10, "contextSwitchMinutesHigh", 15, "shortBlockMinutes", 16))
                .put("/api/metrics/workload/settings").then().statusCode(200).body("overContractPercent", equalTo(110));
        // Each person's work pattern, like the timeline it comes from, is for managers and tenant admins.
        op.asAnalyst().queryParam("from", "2026-03-09").queryParam("to", "2026-03-10")
                .get("/api/metrics/workload/context-switching").then().statusCode(403);
        op.asManager().accept("text/csv").queryParam("from", "2026-03-09").queryParam("to", "2026-03-10")
                .get("/api/metrics/workload/context-switching").then().statusCode(200)
                .body(containsString("day,employeeId,functions,switches,blocks,averageBlockMinutes,minutesInShortBlocks,shortBlockPercent,timedMinutes"))
                .body(containsString("2026-03-09," + solo + ",4,5,7,25.7,25,13.89,180"));
    }

    @Test
    void weeksOverContractInARowAndAfterHoursWorkAreFlaggedAcrossTheDstChange() {
        Operation op = Operation.withAgents(50, 65);
        long lee = op.employee("lee", "WFM", Map.of("weeklyContractHours", 40, "workStart", "09:00", "workEnd", "17:00"));
        long kim = op.employee("kim", "Payroll", Map.of("weeklyContractHours", 37.5));
        // Three weeks of 45 hours (over 110% of 40), then a week of 40.
        for (LocalDate week : List.of(LocalDate.parse("2026-02-23"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-03-16"))) {
            for (int day = 0; day < 5; day++) {
                op.logs(lee, "SCHEDULING", null, week.plusDays(day).toString(), week.getDayOfMonth() == 16 ? 8 * 60 : 9 * 60);
            }
        }
        // Sunday 01:30 EST to 03:30 EDT, the night clocks sprang forward: one real hour, on a day off.
        op.works(lee, "REPORTING", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z");
        // Monday 06:30 to 09:30 EDT: two and a half hours before the working day.
        op.works(lee, "PAYROLL", "2026-03-09T06:30:00-04:00", "2026-03-09T09:30:00-04:00");
        op.logs(kim, "PAYROLL", null, "2026-03-10", 7 * 60);

        op.asManager().queryParam("from", "2026-02-25").queryParam("to", "2026-03-23").get("/api/metrics/workload/sustainability")
                .then().statusCode(200)
                .body("from", equalTo("2026-02-23")).body("to", equalTo("2026-03-23"))
                .body("employees.find { it.employeeId == " + lee + " }.weeks.hours", equalTo(List.of(45.0f, 46.0f, 48.0f, 40.0f)))
                .body("employees.find { it.employeeId == " + lee + " }.weeks.afterHoursMinutes", equalTo(List.of(0, 60, 150, 0)))
                .body("employees.find { it.employeeId == " + lee + " }.weeks.overThreshold", equalTo(List.of(true, true, true, false)))
                .body("employees.find { it.employeeId == " + lee + " }.weeks[2].hoursOverContract", equalTo(8.0f))
                .body("employees.find { it.employeeId == " + lee + " }.weeks[2].afterHoursOverLimit", equalTo(true))
                .body("employees.find { it.employeeId == " + lee + " }.longestOverStreak", equalTo(3))
                .body("employees.find { it.employeeId == " + lee + " }.currentOverStreak", equalTo(0))
                .body("employees.find { it.employeeId == " + lee + " }.flags", equalTo(List.of("OVER_CONTRACT", "AFTER_HOURS", "SUSTAINED_OVERLOAD")))
                .body("employees.find { it.employeeId == " + kim + " }.flags", equalTo(List.of()))
                .body("teams.find { it.team == 'WFM' }.employeesFlagged", equalTo(1))
                .body("teams.find { it.team == 'WFM' }.flags.SUSTAINED_OVERLOAD", equalTo(1))
                .body("teams.find { it.team == 'Payroll' }.employeesFlagged", equalTo(0));

        // A tenant that calls only four weeks in a row an overload sees no sustained overload here.
        op.asAdmin().body(Map.of("contextSwitchMinutesLow", 10, "contextSwitchMinutesHigh", 15, "overloadStreakWeeks", 4))
                .put("/api/metrics/workload/settings").then().statusCode(200);
        op.asManager().queryParam("from", "2026-02-23").queryParam("to", "2026-03-23").get("/api/metrics/workload/sustainability")
                .then().body("employees.find { it.employeeId == " + lee + " }.flags", equalTo(List.of("OVER_CONTRACT", "AFTER_HOURS")));
        op.asAdmin().accept("text/csv").queryParam("from", "2026-03-09").queryParam("to", "2026-03-16")
                .get("/api/metrics/workload/sustainability").then().statusCode(200)
                .body(containsString("weekStart,employeeId,hours,contractHours,hoursOverContract,afterHoursMinutes,overThreshold,afterHoursOverLimit"))
                .body(containsString("2026-03-09," + lee + ",48.00,40.00,8.00,150,true,true"));
    }

    @Test
    void sustainabilityIsForManagersOnlyAndStaysInTheTenant() {
        Operation op = Operation.withAgents(50, 65);
        long lee = op.employee("lee", "WFM");
        op.logs(lee, "SCHEDULING", null, "2026-03-09", 600);
        op.asAnalyst().queryParam("from", "2026-03-09").queryParam("to", "2026-03-16").get("/api/metrics/workload/sustainability")
                .then().statusCode(403);
        op.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-09-16").get("/api/metrics/workload/sustainability")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        Operation other = Operation.withAgents(50, 65);
        other.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-16").get("/api/metrics/workload/sustainability")
                .then().statusCode(200).body("employees", equalTo(List.of()));
        other.asManager().queryParam("from", "2026-03-09").queryParam("to", "2026-03-16").get("/api/metrics/workload/context-switching")
                .then().statusCode(200).body("days", equalTo(List.of()));
        op.asAdmin().body(Map.of("contextSwitchMinutesLow", 10, "contextSwitchMinutesHigh", 15, "overContractPercent", 90))
                .put("/api/metrics/workload/settings").then().statusCode(400).body("errors.field", hasItem(containsString("overContractPercent")));
    }
}
