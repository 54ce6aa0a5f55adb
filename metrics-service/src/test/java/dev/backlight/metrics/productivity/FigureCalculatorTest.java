package dev.backlight.metrics.productivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.backlight.metrics.capture.CapturedWork.FindingsRow;
import dev.backlight.metrics.capture.QualityKind;
import dev.backlight.metrics.productivity.benchmark.Benchmark;
import dev.backlight.metrics.productivity.benchmark.StandardBenchmarks;

/** The figures of one function from its hours, units and findings, checked against the seed's worked examples. */
class FigureCalculatorTest {

    private static final long HOUR = 3600;

    /** Figures' inputs where every unit (pay cycle) paid {@code paidPerCycle} employees, or none said (0). */
    private static FigureCalculator.Inputs inputs(String function, long seconds, long units, long paidPerCycle,
            List<FindingsRow> findings, String weeks, String agents, String employees) {
        Benchmark benchmark = StandardBenchmarks.forFunction(function).orElse(null);
        return new FigureCalculator.Inputs(function, function, "unit", "check", null, seconds, units, paidPerCycle * units,
                paidPerCycle > 0 ? units : 0, 0,
                findings, new BigDecimal(weeks), benchmark, agents == null ? null : new BigDecimal(agents),
                employees == null ? null : new BigDecimal(employees));
    }

    @Test
    void sevenHoursForTheWeeklyScheduleOfFiftyAgentsIsSlow() {
        FunctionFigures figures = FigureCalculator.compute(inputs("SCHEDULING", 28 * HOUR, 4, 0, List.of(), "4", "50", "60"));

        assertEquals(new BigDecimal("7.0000"), figures.hoursPerUnit());
        assertEquals(Band.SLOW, figures.benchmark().band());
        // 3 h a schedule above the reasonable 4 h, four schedules.
        assertEquals(new BigDecimal("12.00"), figures.hoursAboveReasonable());
    }

    @Test
    void scheduleBandsGrowWithTheNumberOfAgents() {
        // 7 h is slow for 50 agents, but within the reasonable 4-8 h for 100.
        FunctionFigures figures = FigureCalculator.compute(inputs("SCHEDULING", 7 * HOUR, 1, 0, List.of(), "1", "100", "120"));

        assertEquals(Band.REASONABLE, figures.benchmark().band());
        assertEquals(new BigDecimal("8.00"), figures.benchmark().reasonableTo());
        assertEquals(new BigDecimal("100.00"), figures.benchmark().scaledToSize());
    }

    @Test
    void thirtyMinutesPerQaEvaluationIsReasonable() {
        FunctionFigures figures = FigureCalculator.compute(inputs("QA_EVALUATION", 20 * HOUR, 40, 0, List.of(), "1", null, null));

        assertEquals(new BigDecimal("30.00"), figures.minutesPerUnit());
        assertEquals(Band.REASONABLE, figures.benchmark().band());
        assertEquals(new BigDecimal("0.00"), figures.hoursAboveReasonable());
    }

    @Test
    void defectsAndInterRaterReliabilityRaiseTheQualityAdjustedTime() {
        List<FindingsRow> findings = List.of(
                new FindingsRow("QA_EVALUATION", null, QualityKind.INTER_RATER_RELIABILITY, 2, 0, new BigDecimal("80")));
        FunctionFigures figures = FigureCalculator.compute(inputs("QA_EVALUATION", 20 * HOUR, 40, 0, findings, "1", null, null));

        // 0.5 h per evaluation / 0.80 reliability.
        assertEquals(new BigDecimal("0.6250"), figures.qualityAdjustedHoursPerUnit());
        assertEquals(new BigDecimal("80.00"), figures.quality().interRaterReliability());

        List<FindingsRow> gaps = List.of(new FindingsRow("SCHEDULING", null, QualityKind.COVERAGE_GAP, 1, 2, null));
        FunctionFigures schedule = FigureCalculator.compute(inputs("SCHEDULING", 16 * HOUR, 4, 0, gaps, "4", "50", "60"));
        // 4 h per schedule x (1 + 2 gaps / 4 schedules).
        assertEquals(new BigDecimal("0.5000"), schedule.quality().defectsPerUnit());
        assertEquals(new BigDecimal("6.0000"), schedule.qualityAdjustedHoursPerUnit());
    }

    @Test
    void payrollBandsScaleWithTheEmployeesPaidPerCycle() {
        // Two cycles paying 200 employees each: 16 h a cycle is reasonable for 200 (6-8 h per 100 employees, doubled).
        FunctionFigures figures = FigureCalculator.compute(inputs("PAYROLL", 32 * HOUR, 2, 200, List.of(), "4", null, "150"));

        assertEquals(new BigDecimal("200.00"), figures.benchmark().scaledToSize());
        assertEquals(Band.REASONABLE, figures.benchmark().band());
    }

    @Test
    void payrollSizeIsTheCycleWeightedAverageOfTheEmployeesPaidPerCycle() {
        // Three cycles of 200 and one of 600 (a year-end run): 300 employees per cycle on average.
        FunctionFigures figures = FigureCalculator.compute(new FigureCalculator.Inputs("PAYROLL", "Payroll", "cycle", "check",
                null, 48 * HOUR, 4, 3 * 200 + 600, 4, 0, List.of(), new BigDecimal("4"),
                StandardBenchmarks.forFunction("PAYROLL").orElseThrow(), null, new BigDecimal("150")));

        assertEquals(new BigDecimal("300.00"), figures.benchmark().scaledToSize());
    }

    @Test
    void hoursWithoutOutputHaveNoTimePerUnitAndNoBand() {
        FunctionFigures figures = FigureCalculator.compute(inputs("REPORTING", 5 * HOUR, 0, 0, List.of(), "1", null, null));

        assertNull(figures.hoursPerUnit());
        assertEquals(Band.NO_OUTPUT, figures.benchmark().band());
        assertEquals(new BigDecimal("5.00"), figures.hours());
    }

    @Test
    void functionsWithoutAStandardBenchmarkAreNotPlaced() {
        FunctionFigures figures = FigureCalculator.compute(inputs("COMPLIANCE", 5 * HOUR, 2, 0, List.of(), "1", null, null));

        assertNull(figures.benchmark());
        assertEquals(new BigDecimal("2.5000"), figures.hoursPerUnit());
    }
}
