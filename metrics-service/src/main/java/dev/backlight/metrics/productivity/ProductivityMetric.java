package dev.backlight.metrics.productivity;

import java.util.Map;

/** Each function's own productivity metric from the seed's table, and how it is computed from hours and units. */
record ProductivityMetric(Formula formula, String label) {

    public enum Formula {
        HOURS_PER_UNIT,
        UNITS_PER_HOUR,
        /** Hours per unit divided by (employees paid / 100). */
        HOURS_PER_UNIT_PER_100_EMPLOYEES,
        /** Units divided by the person-days with time on the function. */
        UNITS_PER_WORKER_DAY
    }

    private static final Map<String, ProductivityMetric> STANDARD = Map.of(
            "SCHEDULING", new ProductivityMetric(Formula.HOURS_PER_UNIT, "hours to build a complete weekly schedule"),
            "TIMESHEET_REVIEW", new ProductivityMetric(Formula.UNITS_PER_HOUR, "timesheets reviewed per hour"),
            "PAYROLL", new ProductivityMetric(Formula.HOURS_PER_UNIT_PER_100_EMPLOYEES, "hours per pay cycle per 100 employees"),
            "QA_EVALUATION", new ProductivityMetric(Formula.UNITS_PER_WORKER_DAY, "evaluations per analyst per day"),
            "REPORTING", new ProductivityMetric(Formula.HOURS_PER_UNIT, "hours per report"),
            "ONBOARDING", new ProductivityMetric(Formula.HOURS_PER_UNIT, "hours per new hire to full provisioning"),
            "LEAVE_MANAGEMENT", new ProductivityMetric(Formula.UNITS_PER_HOUR, "requests processed per hour"),
            "INVOICING", new ProductivityMetric(Formula.HOURS_PER_UNIT, "hours per client invoice"),
            "COMPLIANCE", new ProductivityMetric(Formula.HOURS_PER_UNIT, "hours per compliance review cycle"));

    /** The seed's metric for a standard function; hours per output unit for the tenant's own functions. */
    public static ProductivityMetric of(String functionCode) {
        return STANDARD.getOrDefault(functionCode, new ProductivityMetric(Formula.HOURS_PER_UNIT, "hours per output unit"));
    }
}
