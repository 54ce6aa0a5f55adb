package dev.backlight.time.tenants;

import java.util.List;


/**
 * The standard back-office functions every tenant starts with: the seed's nine functions, each with its output
 * unit, quality check and productivity metric, plus "other" for meetings, email and administration.
 */
final class FunctionCatalog {

    public record StandardFunction(String code, String name, String outputUnit, String qualityCheck, String productivityMetric) {
    }

    public static final List<StandardFunction> STANDARD = List.of(
            new StandardFunction("SCHEDULING", "Schedule building", "Schedules published",
                    "Coverage gaps per schedule, overtime triggered", "Hours to build a complete weekly schedule"),
            new StandardFunction("TIMESHEET_REVIEW", "Timesheet review", "Timesheets approved",
                    "Payroll corrections after approval", "Timesheets reviewed per hour"),
            new StandardFunction("PAYROLL", "Payroll processing", "Pay cycles completed",
                    "Error rate (corrections per cycle)", "Hours per pay cycle per 100 employees"),
            new StandardFunction("QA_EVALUATION", "QA evaluations", "Evaluations completed",
                    "Inter-rater reliability score", "Evaluations per analyst per day"),
            new StandardFunction("REPORTING", "Reporting", "Reports delivered",
                    "Reports requiring revision after delivery", "Hours per report"),
            new StandardFunction("ONBOARDING", "Onboarding", "New hires fully provisioned",
                    "System access errors on day 1", "Hours per new hire to full provisioning"),
            new StandardFunction("LEAVE_MANAGEMENT", "Leave management", "Requests processed",
                    "Request turnaround time", "Requests processed per hour"),
            new StandardFunction("INVOICING", "Invoicing (BPOs)", "Invoices sent",
                    "Invoice corrections after submission", "Hours per client invoice"),
            new StandardFunction("COMPLIANCE", "Compliance tracking", "Audits completed",
                    "Violations discovered after audit", "Hours per compliance review cycle"),
            new StandardFunction("OTHER", "Other (meetings, email, administration)", null, null, null));

    private FunctionCatalog() {
    }
}
