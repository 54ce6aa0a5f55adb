package dev.backlight.time.domain;

/** A week's review state. SUBMITTED and APPROVED weeks refuse changes to their time. */
public enum TimesheetStatus {
    OPEN, SUBMITTED, APPROVED, REJECTED;

    public boolean freezesTime() {
        return this == SUBMITTED || this == APPROVED;
    }
}
