package dev.backlight.time.entries;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.backlight.support.rest.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A time entry as the API shows it (also the row of the CSV export). */
@Schema(name = "TimeEntry")
@JsonPropertyOrder({"id", "employeeId", "functionCode", "clientCode", "startedAt", "endedAt", "zone", "workDate",
        "durationMinutes", "source", "notes", "externalRef", "reviewReason", "version"})
public record TimeEntryView(
        @Schema(example = "1042") Long id,
        @Schema(example = "12") Long employeeId,
        @Schema(example = "SCHEDULING") String functionCode,
        @Schema(description = "Client account; null for shared time", example = "CLIENT-A") String clientCode,
        @Schema(description = "Start instant (UTC); null for a manual date-and-duration entry", example = "2026-03-09T13:00:00Z") Instant startedAt,
        @Schema(description = "End instant (UTC), exclusive; null while a timer runs", example = "2026-03-09T15:30:00Z") Instant endedAt,
        @Schema(description = "Zone the entry was captured in", example = "America/New_York") String zone,
        @Schema(description = "Day the entry counts for, in the tenant's calendar", example = "2026-03-09") LocalDate workDate,
        @Schema(description = "Length in minutes (fractional when not whole); null while a timer runs", example = "150") Double durationMinutes,
        @Schema(example = "MANUAL") EntrySource source,
        @Schema(example = "Week 11 schedule") String notes,
        @Schema(description = "The caller's own id, for idempotent retries and imports", example = "wfm-2026-03-09-001") String externalRef,
        @Schema(description = "Why the entry needs review, e.g. TIMER_OVER_LIMIT; null when it does not") String reviewReason,
        @Schema(description = "Optimistic-concurrency version; send it back when changing the entry", example = "0") long version) implements Versioned {

    /** A timer still running: started, not yet ended. */
    public boolean running() {
        return startedAt != null && endedAt == null;
    }

    /** The view of an entry whose function and client codes the caller already knows. */
    static TimeEntryView of(TimeEntry e, String functionCode, String clientCode) {
        return new TimeEntryView(e.id, e.employeeId, functionCode, clientCode,
                e.startedAt, e.endedAt, e.zone, e.workDate, e.durationSeconds == null ? null : e.durationSeconds / 60.0,
                e.source, e.notes, e.externalRef, e.reviewReason, e.version);
    }
}
