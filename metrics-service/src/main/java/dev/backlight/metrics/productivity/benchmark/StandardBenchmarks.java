package dev.backlight.metrics.productivity.benchmark;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import dev.backlight.metrics.productivity.benchmark.Benchmark.Basis;
import dev.backlight.metrics.productivity.benchmark.Benchmark.Scale;

/**
 * The seed's "Compare against reasonable benchmarks" table as starting values; a tenant can override any function.
 * Leave management and compliance have no standard benchmark.
 */
public final class StandardBenchmarks {

    private static final Map<String, Benchmark> BY_FUNCTION = Map.of(
            // Schedule build (50-agent operation): > 6 h/week slow, 2-4 reasonable, < 2 efficient; one schedule a week.
            "SCHEDULING", of("SCHEDULING", Basis.HOURS_PER_UNIT, Scale.AGENTS, 50, "2", "2", "4", "6"),
            // Timesheet review (50 agents): > 4 h/week slow, 1-2 reasonable, < 1 efficient.
            "TIMESHEET_REVIEW", of("TIMESHEET_REVIEW", Basis.HOURS_PER_WEEK, Scale.AGENTS, 50, "1", "1", "2", "4"),
            // Payroll processing (100 employees): > 12 h/cycle slow, 6-8 reasonable, < 4 efficient.
            "PAYROLL", of("PAYROLL", Basis.HOURS_PER_UNIT, Scale.EMPLOYEES, 100, "4", "6", "8", "12"),
            // QA evaluation: > 45 min each slow, 20-30 reasonable, 15-20 efficient.
            "QA_EVALUATION", of("QA_EVALUATION", Basis.MINUTES_PER_UNIT, Scale.NONE, null, "20", "20", "30", "45"),
            // Weekly operational report: > 3 h slow, 1-2 reasonable, < 1 efficient.
            "REPORTING", of("REPORTING", Basis.HOURS_PER_UNIT, Scale.NONE, null, "1", "1", "2", "3"),
            // New hire onboarding (admin): > 5 h/hire slow, 2-3 reasonable, < 1.5 efficient.
            "ONBOARDING", of("ONBOARDING", Basis.HOURS_PER_UNIT, Scale.NONE, null, "1.5", "2", "3", "5"),
            // Client invoice (BPO): > 4 h slow, 1-2 reasonable, < 1 efficient.
            "INVOICING", of("INVOICING", Basis.HOURS_PER_UNIT, Scale.NONE, null, "1", "1", "2", "4"));

    private StandardBenchmarks() {
    }

    public static Optional<Benchmark> forFunction(String functionCode) {
        return Optional.ofNullable(BY_FUNCTION.get(functionCode));
    }

    private static Benchmark of(String function, Basis basis, Scale scale, Integer referenceSize, String efficientBelow,
            String reasonableFrom, String reasonableTo, String slowAbove) {
        return new Benchmark(function, basis, scale, referenceSize, new BigDecimal(efficientBelow), new BigDecimal(reasonableFrom),
                new BigDecimal(reasonableTo), new BigDecimal(slowAbove), true);
    }
}
