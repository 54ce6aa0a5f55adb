package dev.backlight.costing.overtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.backlight.costing.overtime.OvertimeService.FixComparison;
import dev.backlight.costing.overtime.OvertimeService.OvertimeReport;
import dev.backlight.costing.policy.PolicyTerms;
import dev.backlight.costing.rates.RateBook;
import dev.backlight.costing.upstream.Directory;
import dev.backlight.costing.upstream.TimeServiceClient.Employee;
import dev.backlight.costing.upstream.TimeServiceClient.HoursRow;
import dev.backlight.costing.upstream.TimeServiceClient.Tenant;
import dev.backlight.support.time.WorkWeek;
import org.junit.jupiter.api.Test;

/** Overtime past the weekly threshold, costed at the rate times the multiplier, against the fixes that would avoid it. */
class OvertimeCalculatorTest {

    private static final long DANA = 7;
    // Monday 2 March 2026.
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final WorkWeek MONDAYS = new WorkWeek(DayOfWeek.MONDAY);
    private static final Directory DIRECTORY = new Directory(new Tenant("t", "Call center", "America/New_York", "USD", DayOfWeek.MONDAY),
            Map.of(DANA, new Employee(DANA, "Dana Whitfield", "WFM", true)), Map.of());

    /** Nine hours a day, Monday to Friday of the week of {@code monday}. */
    private static List<HoursRow> fortyFiveHours(LocalDate monday) {
        List<HoursRow> rows = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            rows.add(new HoursRow(monday.plusDays(day), null, null, DANA, 9 * 3600));
        }
        return rows;
    }

    private static ProcessFixOption option(String monthlyCost, String setupCost, String hoursSavedPerWeek) {
        ProcessFixOption option = new ProcessFixOption();
        option.name = "Self-service schedule viewing";
        option.functionCode = "SCHEDULING";
        option.monthlyCost = new BigDecimal(monthlyCost);
        option.setupCost = new BigDecimal(setupCost);
        option.hoursSavedPerWeek = new BigDecimal(hoursSavedPerWeek);
        return option;
    }

    @Test
    void theHoursPastFortyFallOnTheDayTheThresholdIsCrossedAndCostTimeAndAHalf() {
        OvertimeReport report = OvertimeCalculator.compute(MONDAY, MONDAY.plusWeeks(1), MONDAYS, DIRECTORY, RateBook.seedOnly(),
                PolicyTerms.defaults(), List.of(), fortyFiveHours(MONDAY));

        // Monday to Thursday make 36 h; Friday's 9 h cross 40 by 5. At the seed's $25 x 1.5: $187.50.
        assertEquals(new BigDecimal("5.00"), report.overtimeHours());
        assertEquals(new BigDecimal("187.50"), report.overtimeCost());
        assertEquals(new BigDecimal("9750.00"), report.costPerYear());
        assertEquals(1, report.weeks().size());
        assertEquals(MONDAY, report.weeks().get(0).weekStart());
        assertEquals(1, report.employees().get(0).weeksOverThreshold());
    }

    @Test
    void hoursBeforeThePeriodCountTowardsItsFirstWeek() {
        // The period starts on Friday: only Friday's overtime is in it, but Monday to Thursday still count.
        OvertimeReport report = OvertimeCalculator.compute(MONDAY.plusDays(4), MONDAY.plusDays(5), MONDAYS, DIRECTORY, RateBook.seedOnly(),
                PolicyTerms.defaults(), List.of(), fortyFiveHours(MONDAY));

        assertEquals(new BigDecimal("5.00"), report.overtimeHours());
    }

    @Test
    void aFixCheaperThanTheOvertimeItAvoidsPaysBack() {
        // Saves 3 h a week of the 5 h of overtime: 3 x $25 x 1.5 x 52 = $5,850 a year, for $100 a month and $1,000 set-up.
        OvertimeReport report = OvertimeCalculator.compute(MONDAY, MONDAY.plusWeeks(1), MONDAYS, DIRECTORY, RateBook.seedOnly(),
                PolicyTerms.defaults(), List.of(option("100", "1000", "3")), fortyFiveHours(MONDAY));

        FixComparison fix = report.fixes().get(0);
        assertEquals(new BigDecimal("3.00"), fix.overtimeHoursAvoidedPerWeek());
        assertEquals(new BigDecimal("5850.00"), fix.valueOfHoursSavedPerYear());
        assertEquals(new BigDecimal("4650.00"), fix.netPerYear());
        // 1000 x 12 / 4650, rounded up to a tenth of a month.
        assertEquals(new BigDecimal("2.6"), fix.paybackMonths());
        assertTrue(fix.cheaperThanOvertime());
    }

    @Test
    void aFixThatCostsMoreThanItSavesNeverPaysBack() {
        OvertimeReport report = OvertimeCalculator.compute(MONDAY, MONDAY.plusWeeks(1), MONDAYS, DIRECTORY, RateBook.seedOnly(),
                PolicyTerms.defaults(), List.of(option("2000", "5000", "1")), fortyFiveHours(MONDAY));

        FixComparison fix = report.fixes().get(0);
        assertNull(fix.paybackMonths());
        assertFalse(fix.cheaperThanOvertime());
    }
}
