package dev.backlight.metrics.capture;

/**
 * The seed's quality checks, one or more per function. Defect kinds count errors found after the fact (each is
 * rework the function has to do); score and duration kinds carry a measured value instead.
 */
public enum QualityKind {
    COVERAGE_GAP("SCHEDULING", Nature.DEFECT, "Coverage gap in a published schedule"),
    OVERTIME_TRIGGERED("SCHEDULING", Nature.DEFECT, "Overtime a published schedule triggered"),
    PAYROLL_CORRECTION_AFTER_APPROVAL("TIMESHEET_REVIEW", Nature.DEFECT, "Payroll correction needed after a timesheet was approved"),
    PAY_CYCLE_CORRECTION("PAYROLL", Nature.DEFECT, "Correction to a completed pay cycle"),
    INTER_RATER_RELIABILITY("QA_EVALUATION", Nature.SCORE, "Inter-rater reliability score of a calibration, in percent"),
    REPORT_REVISED("REPORTING", Nature.DEFECT, "Report that needed revision after delivery"),
    DAY_ONE_ACCESS_ERROR("ONBOARDING", Nature.DEFECT, "System-access error a new hire met on day 1"),
    REQUEST_TURNAROUND("LEAVE_MANAGEMENT", Nature.DURATION, "Turnaround of a leave request, in hours"),
    INVOICE_CORRECTION("INVOICING", Nature.DEFECT, "Invoice correction after submission"),
    VIOLATION_AFTER_AUDIT("COMPLIANCE", Nature.DEFECT, "Violation discovered after an audit"),
    /** For the tenant's own functions, which have no standard check. */
    OTHER_DEFECT(null, Nature.DEFECT, "Any other error found after the output was delivered");

    public enum Nature {
        DEFECT, SCORE, DURATION
    }

    private final String functionCode;
    private final Nature nature;
    private final String description;

    QualityKind(String functionCode, Nature nature, String description) {
        this.functionCode = functionCode;
        this.nature = nature;
        this.description = description;
    }

    /** The function this check belongs to; null when it fits any function. */
    public String functionCode() {
        return functionCode;
    }

    public Nature nature() {
        return nature;
    }

    public String description() {
        return description;
    }

    public boolean appliesTo(String function) {
        return functionCode == null || functionCode.equals(function);
    }
}
