package dev.backlight.time.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of an import as written in the file: every value as text, so that a bad value rejects its row with the
 * field named instead of failing the file. The same names are CSV columns (in any order) and JSON Lines members.
 */
@Schema(name = "ImportLine", description = "One row of a streamed import: a CSV line under a header naming these "
        + "columns, or one JSON object per line. Timed rows give startedAt and endedAt (instants), or localStart and "
        + "localEnd with zone (wall-clock times); manual ones workDate and durationMinutes.")
public record ImportLine(
        @Schema(description = "The source's own id of the entry; a re-run import skips rows already recorded", example = "toggl-88121") String externalRef,
        @Schema(example = "dana@northwind.example") String employeeEmail,
        @Schema(example = "PAYROLL") String functionCode,
        @Schema(description = "Empty for shared time", example = "CLIENT-B") String clientCode,
        @Schema(description = "Start instant with its offset", example = "2026-03-02T14:00:00Z") String startedAt,
        @Schema(description = "End instant with its offset, exclusive", example = "2026-03-02T16:00:00Z") String endedAt,
        @Schema(description = "Zone the time was worked in; the employee's when empty", example = "America/New_York") String zone,
        @Schema(description = "Day of a manual entry", example = "2026-03-02") String workDate,
        @Schema(description = "Minutes of a manual entry, 1 to 1440", example = "120") String durationMinutes,
        String notes,
        @Schema(description = "Start as the wall clock showed it in zone (required with it), instead of startedAt: the "
                + "server works out the offset. A time the clocks skipped is rejected; in a repeated hour the earlier "
                + "counts unless localStartOffset says otherwise", example = "2026-03-08T01:30:00") String localStart,
        @Schema(description = "End as the wall clock showed it in zone, exclusive", example = "2026-03-08T03:30:00") String localEnd,
        @Schema(description = "Which reading of a repeated hour localStart means", example = "-05:00") String localStartOffset,
        @Schema(description = "Which reading of a repeated hour localEnd means", example = "-04:00") String localEndOffset) {

    /** A line with instants or a manual duration, no wall-clock times. */
    ImportLine(String externalRef, String employeeEmail, String functionCode, String clientCode, String startedAt,
            String endedAt, String zone, String workDate, String durationMinutes, String notes) {
        this(externalRef, employeeEmail, functionCode, clientCode, startedAt, endedAt, zone, workDate, durationMinutes, notes,
                null, null, null, null);
    }
}
