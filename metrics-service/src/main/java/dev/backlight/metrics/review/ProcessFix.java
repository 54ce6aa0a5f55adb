package dev.backlight.metrics.review;

import java.util.Map;
import java.util.Optional;

/** The seed's "symptom / process problem / fix" table: what usually makes a slow function slow, and the fix. */
record ProcessFix(String symptom, String likelyProblem, String fix) {

    private static final Map<String, ProcessFix> BY_FUNCTION = Map.of(
            "SCHEDULING", new ProcessFix("Schedule takes 6+ hours/week", "Building from scratch in spreadsheets each week",
                    "Use templates and scheduling software"),
            "TIMESHEET_REVIEW", new ProcessFix("Timesheet review takes 4+ hours/week",
                    "Comparing manual entries against schedule line by line",
                    "Automatic time tracking that generates timesheets from tracked data"),
            "REPORTING", new ProcessFix("Reports take 3+ hours each", "Manual data pulls from multiple systems, manual formatting",
                    "Standardized report templates with pre-built data connections"),
            "ONBOARDING", new ProcessFix("Onboarding takes 5+ hours/hire", "Same information entered into 4-5 separate systems",
                    "Consolidated systems that share employee data"),
            "PAYROLL", new ProcessFix("Payroll errors exceed 2%", "Manual overtime calculations, multi-state complexity",
                    "Payroll software with rule-based overtime and tax calculations"));

    public static Optional<ProcessFix> forFunction(String functionCode) {
        return Optional.ofNullable(BY_FUNCTION.get(functionCode));
    }
}
