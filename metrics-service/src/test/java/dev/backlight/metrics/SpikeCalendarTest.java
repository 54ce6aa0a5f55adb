package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class SpikeCalendarTest {

    private static long deadline(Operation op, String name, String kind, String function, long owner, String firstDate, String rrule,
            int runDays, String nonWorkingDay) {
        return op.asManager().body(deadlineBody(name, kind, function, owner, firstDate, rrule, runDays, nonWorkingDay))
                .post("/api/metrics/spikes/deadlines").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> deadlineBody(String name, String kind, String function, long owner, String firstDate,
            String rrule, int runDays, String nonWorkingDay) {
        return new HashMap<>(Map.of("name", name, "kind", kind, "functionCode", function, "ownerEmployeeId", owner,
                "firstDate", firstDate, "rrule", rrule, "runWorkingDays", runDays, "expectedUnits", 1, "nonWorkingDay", nonWorkingDay));
    }

    private static ValidatableResponse calendar(Operation op, String from, String to) {
        return op.asManager().queryParam("from", from).queryParam("to", to).get("/api/metrics/spikes/calendar").then().statusCode(200);
    }

    /** The seed: payroll processing and month-end reporting falling on the same 2-day window, for one owner. */
    @Test
    void payrollAndMonthEndReportingInTheSameTwoDaysOverlapAndTheReportMovesToTheNearestClearDay() {
        Operation op = Operation.withAgents(50, 65);
        long pat = op.employee("pat", "Finance");
        // Measured in March: 6 hours per pay cycle, 4 hours per report.
        op.logsHours(pat, "PAYROLL", "2026-03-02", 12);
        op.output("PAYROLL", pat, "2026-03-01", "2026-04-01", 2);
        op.logsHours(pat, "REPORTING", "2026-03-09", 8);
        op.output("REPORTING", pat, "2026-03-01", "2026-04-01", 2);
        // Pay on the 1st, processed in the 2 working days before; the month-end report due on the last day.
        deadline(op, "Payroll", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=MONTHLY;BYMONTHDAY=1", 2, "EARLIER");
        long report = deadline(op, "Month-end report", "REPORT_DUE", "REPORTING", pat, "2026-01-31", "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", 2, "EARLIER");

        calendar(op, "2026-04-01", "2026-05-01")
                .body("measuredFrom", equalTo("2026-02-04")).body("measuredTo", equalTo("2026-04-01"))
                .body("timePerUnit.find { it.functionCode == 'PAYROLL' }.hoursPerUnit", equalTo(6.0f))
                .body("occurrences.find { it.name == 'Payroll' && it.date == '2026-05-01' }.runDays", equalTo(List.of("2026-04-29", "2026-04-30")))
                .body("occurrences.find { it.name == 'Payroll' && it.date == '2026-05-01' }.expectedHours", equalTo(6.0f))
                .body("occurrences.find { it.name == 'Month-end report' && it.date == '2026-04-30' }.runDays", equalTo(List.of("2026-04-29", "2026-04-30")))
                .body("load.find { it.day == '2026-04-29' }.hours", equalTo(5.0f))
                .body("load.find { it.day == '2026-04-29' }.capacityHours", equalTo(8.0f))
                .body("load.find { it.day == '2026-04-29' }.deadlines", equalTo(List.of("Month-end report", "Payroll")))
                .body("load.find { it.day == '2026-03-31' }", equalTo(null))
                .body("overlaps", hasSize(1))
                .body("overlaps[0].ownerEmployeeId", equalTo((int) pat))
                .body("overlaps[0].days", equalTo(List.of("2026-04-29", "2026-04-30")))
                .body("overlaps[0].deadlines", equalTo(List.of("Month-end report (2026-04-30)", "Payroll (2026-05-01)")))
                .body("overlaps[0].peakHours", equalTo(5.0f))
                // One day either way still collides; two working days later (Monday 4 May) clears it.
                .body("suggestions[0].deadlineId", equalTo((int) report))
                .body("suggestions[0].fromDate", equalTo("2026-04-30")).body("suggestions[0].toDate", equalTo("2026-05-04"))
                .body("suggestions[0].shiftWorkingDays", equalTo(2))
                .body("suggestions[0].peakHoursBefore", equalTo(5.0f)).body("suggestions[0].peakHoursAfter", equalTo(3.0f))
                .body("suggestions[0].loadAfter.day", equalTo(List.of("2026-04-29", "2026-04-30", "2026-05-01", "2026-05-04")))
                .body("suggestions[0].loadAfter.hours", equalTo(List.of(3.0f, 3.0f, 2.0f, 2.0f)));

        // A one-day window measures time per unit over the month named, not the 8 weeks before that day.
        op.asAnalyst().accept("text/csv").queryParam("from", "2026-04-29").queryParam("to", "2026-04-30")
                .queryParam("measuredFrom", "2026-03-01").queryParam("measuredTo", "2026-04-01")
                .get("/api/metrics/spikes/calendar").then().statusCode(200)
                .body(containsString("day,ownerEmployeeId,ownerName,hours,capacityHours,deadlines"))
                .body(containsString("2026-04-29," + pat + ",\"Employee pat\",5.00,8.00,\"Month-end report; Payroll\""));
    }

    @Test
    void aMonthlyPayDateOnAWeekendMovesOffItAndOffHolidaysAcrossTheDstChange() {
        Operation op = Operation.withAgents(50, 65);
        long pat = op.employee("pat", "Finance");
        long sam = op.employee("sam", "WFM");
        long ivy = op.employee("ivy", "Billing");
        op.asAdmin().body(Map.of("day", "2026-02-13", "name", "Company day")).post("/api/metrics/spikes/holidays").then().statusCode(201);
        op.asAdmin().body(Map.of("day", "2026-02-13", "name", "Twice")).post("/api/metrics/spikes/holidays").then().statusCode(409);
        // Pay on the 15th: 15 February and 15 March 2026 are Sundays.
        deadline(op, "Mid-month payroll", "PAY_DATE", "PAYROLL", pat, "2026-01-15", "FREQ=MONTHLY;BYMONTHDAY=15", 3, "EARLIER");
        // Invoices on the 1st, or the next working day: 1 March 2026 is a Sunday.
        deadline(op, "Client invoices", "CLIENT_DATE", "INVOICING", ivy, "2026-01-01", "FREQ=MONTHLY;BYMONTHDAY=1", 1, "LATER");
        // A weekly schedule due Monday keeps its weekday through the week clocks change (8 March).
        deadline(op, "Weekly schedule", "SCHEDULING_DEADLINE", "SCHEDULING", sam, "2026-03-02", "FREQ=WEEKLY;BYDAY=MO", 1, "KEEP");
        // The other pay cycles and the monthly report in the first week, each for its own owner.
        long lou = op.employee("lou", "Finance");
        long max = op.employee("max", "Finance");
        long rae = op.employee("rae", "Reporting");
        deadline(op, "Semi-monthly payroll", "PAY_DATE", "PAYROLL", lou, "2026-01-15", "FREQ=MONTHLY;BYMONTHDAY=15,-1", 1, "EARLIER");
        deadline(op, "Bi-weekly payroll", "PAY_DATE", "PAYROLL", max, "2026-02-06", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", 1, "EARLIER");
        deadline(op, "Monthly report", "REPORT_DUE", "REPORTING", rae, "2026-01-01", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=3", 2, "KEEP");
        // A weekend-only deadline that is skipped never shows.
        deadline(op, "Weekend audit", "OTHER", "COMPLIANCE", sam, "2026-02-01", "FREQ=WEEKLY;BYDAY=SA", 1, "SKIP");

        calendar(op, "2026-02-01", "2026-04-01")
                // 15 Feb is a Sunday, 14 a Saturday, 13 the holiday: paid Thursday 12th, processed the 3 days before.
                .body("occurrences.find { it.name == 'Mid-month payroll' && it.scheduledDate == '2026-02-15' }.date", equalTo("2026-02-12"))
                .body("occurrences.find { it.name == 'Mid-month payroll' && it.scheduledDate == '2026-02-15' }.moved", equalTo("day off: EARLIER"))
                .body("occurrences.find { it.name == 'Mid-month payroll' && it.scheduledDate == '2026-02-15' }.runDays",
                        equalTo(List.of("2026-02-09", "2026-02-10", "2026-02-11")))
                .body("occurrences.find { it.name == 'Mid-month payroll' && it.scheduledDate == '2026-03-15' }.date", equalTo("2026-03-13"))
                .body("occurrences.find { it.name == 'Client invoices' && it.scheduledDate == '2026-03-01' }.date", equalTo("2026-03-02"))
                .body("occurrences.find { it.name == 'Client invoices' && it.scheduledDate == '2026-02-01' }.date", equalTo("2026-02-02"))
                .body("occurrences.findAll { it.name == 'Weekly schedule' }.date",
                        equalTo(List.of("2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30")))
                .body("occurrences.findAll { it.name == 'Weekend audit' }", hasSize(0))
                // 15 February is a Sunday and the 13th the holiday, so the 12th; 28 February a Saturday, so the 27th.
                .body("occurrences.findAll { it.name == 'Semi-monthly payroll' }.date",
                        equalTo(List.of("2026-02-12", "2026-02-27", "2026-03-13", "2026-03-31")))
                .body("occurrences.findAll { it.name == 'Bi-weekly payroll' }.date",
                        equalTo(List.of("2026-02-06", "2026-02-20", "2026-03-06", "2026-03-20")))
                .body("occurrences.findAll { it.name == 'Monthly report' }.date", equalTo(List.of("2026-02-04", "2026-03-04")))
                .body("occurrences.find { it.name == 'Monthly report' }.runDays", equalTo(List.of("2026-02-03", "2026-02-04")))
                // Nothing measured for these functions yet: the load is unknown, not zero hours by guess.
                .body("occurrences.find { it.name == 'Mid-month payroll' }.expectedHours", equalTo(null))
                .body("timePerUnit.find { it.functionCode == 'PAYROLL' }.hoursPerUnit", equalTo(null))
                .body("overlaps", hasSize(0));
        // Without the holiday, the pay date is the Friday before.
        op.asAdmin().delete("/api/metrics/spikes/holidays/2026-02-13").then().statusCode(204);
        calendar(op, "2026-02-01", "2026-03-01")
                .body("occurrences.find { it.name == 'Mid-month payroll' }.date", equalTo("2026-02-13"));
    }

    @Test
    void badDeadlinesAreProblemsNamingTheFieldAndStayInTheTenant() {
        Operation op = Operation.withAgents(50, 65);
        long pat = op.employee("pat", "Finance");
        op.asManager().body(deadlineBody("Bad", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=SOMETIMES", 2, "EARLIER"))
                .post("/api/metrics/spikes/deadlines").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("rrule"));
        op.asManager().body(deadlineBody("Bad", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=HOURLY", 2, "EARLIER"))
                .post("/api/metrics/spikes/deadlines").then().statusCode(400).body("errors.field", hasItem("rrule"));
        op.asManager().body(deadlineBody("Bad", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=MONTHLY", 0, "EARLIER"))
                .post("/api/metrics/spikes/deadlines").then().statusCode(400).body("errors.field", hasItem(containsString("runWorkingDays")));
        op.asManager().body(deadlineBody("Bad", "PAY_DATE", "PAYROLL", 999999, "2026-01-01", "FREQ=MONTHLY", 2, "EARLIER"))
                .post("/api/metrics/spikes/deadlines").then().statusCode(400).body("errors.field", hasItem("ownerEmployeeId"));
        long id = deadline(op, "Payroll", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=MONTHLY", 2, "EARLIER");
        op.asManager().body(deadlineBody("Payroll", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=MONTHLY", 2, "EARLIER"))
                .post("/api/metrics/spikes/deadlines").then().statusCode(409);
        op.asAnalyst().body(deadlineBody("Other", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=MONTHLY", 2, "EARLIER"))
                .post("/api/metrics/spikes/deadlines").then().statusCode(403);
        Map<String, Object> changed = deadlineBody("Payroll", "PAY_DATE", "PAYROLL", pat, "2026-01-01", "FREQ=MONTHLY;BYMONTHDAY=-1", 3, "EARLIER");
        op.asManager().body(changed).put("/api/metrics/spikes/deadlines/" + id).then().statusCode(200).body("runWorkingDays", equalTo(3));

        Operation other = Operation.withAgents(50, 65);
        other.asManager().get("/api/metrics/spikes/deadlines/" + id).then().statusCode(404);
        other.asManager().body(changed).put("/api/metrics/spikes/deadlines/" + id).then().statusCode(404);
        calendar(other, "2026-01-01", "2026-12-31").body("occurrences", hasSize(0));
        other.asManager().queryParam("from", "2026-01-01").queryParam("to", "2028-01-01").get("/api/metrics/spikes/calendar")
                .then().statusCode(400).body("errors.field", hasItem("to"));
        // Time per unit is measured over a year at most, however far back measuredFrom reaches.
        other.asManager().queryParam("from", "2026-01-01").queryParam("to", "2026-02-01").queryParam("measuredFrom", "1950-01-01")
                .get("/api/metrics/spikes/calendar").then().statusCode(400).body("errors.field", hasItem("measuredFrom"));
        op.asManager().delete("/api/metrics/spikes/deadlines/" + id).then().statusCode(204);
        op.asManager().get("/api/metrics/spikes/deadlines").then().body("items", hasSize(0));
    }
}
