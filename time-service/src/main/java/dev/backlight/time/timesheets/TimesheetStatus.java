package dev.backlight.time.timesheets;

/** A week's review state. SUBMITTED and APPROVED weeks refuse changes to their time. */
enum TimesheetStatus {
    OPEN, SUBMITTED, APPROVED, REJECTED;

    public boolean freezesTime() {
        return this == SUBMITTED || this == APPROVED;
    }
}
