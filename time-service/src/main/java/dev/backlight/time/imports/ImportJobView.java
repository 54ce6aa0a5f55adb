package dev.backlight.time.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as the API shows it: where it is, its counts and its outcome. */
@Schema(name = "ImportJob")
public record ImportJobView(
        @Schema(example = "5b0e3c1e-8c1a-4a51-9a3e-0d7f6b2f4c11") UUID id,
        @Schema(description = "RECEIVING, CHECKING, WRITING, then DONE; REJECTED when all-or-nothing found rejected rows "
                + "(nothing written); FAILED when it could not finish (nothing written)") ImportState state,
        ImportMode mode,
        @Schema(example = "CSV") String format,
        @Schema(description = "Rows read from the file so far", example = "100000") long rowsRead,
        @Schema(description = "Rows checked against the tenant's data", example = "100000") long rowsChecked,
        @Schema(description = "Entries written", example = "99880") long rowsWritten,
        @Schema(description = "Rows whose externalRef was already recorded with the same values (a re-run)", example = "100") long rowsAlreadyPresent,
        @Schema(description = "Rows rejected; the report lists them with the reason", example = "20") long rowsRejected,
        @Schema(description = "How far the job is by phase: 0 while reading, 40 checking, 80 writing, 100 finished", example = "100") int percent,
        @Schema(description = "The outcome in words, once finished") String message,
        @Schema(example = "payroll-admin") String createdBy,
        Instant createdAt,
        @Schema(description = "Null while the job runs") Instant finishedAt) {

    static ImportJobView of(ResultSet row) throws SQLException {
        ImportState state = ImportState.valueOf(row.getString("state"));
        long read = row.getLong("rows_read");
        long checked = row.getLong("rows_checked");
        Timestamp finished = row.getTimestamp("finished_at");
        return new ImportJobView(row.getObject("id", UUID.class), state, ImportMode.valueOf(row.getString("mode")),
                row.getString("format"), read, checked, row.getLong("rows_written"), row.getLong("rows_already_present"),
                row.getLong("rows_rejected"), percent(state), row.getString("message"), row.getString("created_by"),
                row.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    private static int percent(ImportState state) {
        return switch (state) {
            case RECEIVING -> 0;
            case CHECKING -> 40;
            case WRITING -> 80;
            case DONE, REJECTED, FAILED -> 100;
        };
    }
}
