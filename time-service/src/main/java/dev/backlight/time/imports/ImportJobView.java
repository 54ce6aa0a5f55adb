package dev.backlight.time.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as the API shows it: where it is, its counts and its outcome. */
@Schema(name = "ImportJob")
public record ImportJobView(
        @Schema(example = "5b0e3c1e-8c1a-4a51-9a3e-0d7f6b2f4c11") UUID id,
        @Schema(description = "RECEIVING, CHECKING, WRITING, then DONE; REJECTED when all-or-nothing found rejected rows "
                + "(nothing written); FAILED when it could not finish (nothing written)") ImportState state,
        ImportMode mode,
        @Schema(example = "CSV") String format,
        @Schema(description = "The tool whose export was imported; null for a file of import lines", example = "TOGGL") SourceTool sourceTool,
        @Schema(description = "Rows read from the file so far", example = "100000") long rowsRead,
        @Schema(description = "Rows checked against the tenant's data", example = "100000") long rowsChecked,
        @Schema(description = "Entries written", example = "99880") long rowsWritten,
        @Schema(description = "Rows whose externalRef was already recorded with the same values (a re-run)", example = "100") long rowsAlreadyPresent,
        @Schema(description = "Rows rejected; the report lists them with the reason", example = "20") long rowsRejected,
        @Schema(description = "Once checked: rows that pass every check and are not present yet, which a dry run would write",
                example = "99880") long rowsWritable,
        @Schema(description = "For an import from a tool: each project, task, tag, client and person met (the first 1,000), "
                + "what the mapping made of it and on how many rows; empty otherwise") List<MappedValue> mapped,
        @Schema(description = "How far the job is by phase: 0 while reading, 40 checking, 80 writing, 100 finished", example = "100") int percent,
        @Schema(description = "The outcome in words, once finished") String message,
        @Schema(example = "payroll-admin") String createdBy,
        Instant createdAt,
        @Schema(description = "Null while the job runs") Instant finishedAt) {

    private static final ObjectMapper MAPPED = new ObjectMapper();

    static ImportJobView of(ResultSet row) throws SQLException {
        ImportState state = ImportState.valueOf(row.getString("state"));
        long read = row.getLong("rows_read");
        long checked = row.getLong("rows_checked");
        Timestamp finished = row.getTimestamp("finished_at");
        String tool = row.getString("source_tool");
        long present = row.getLong("rows_already_present");
        long rejected = row.getLong("rows_rejected");
        boolean checkedAll = state == ImportState.DONE || state == ImportState.REJECTED;
        return new ImportJobView(row.getObject("id", UUID.class), state, ImportMode.valueOf(row.getString("mode")),
                row.getString("format"), tool == null ? null : SourceTool.valueOf(tool), read, checked,
                row.getLong("rows_written"), present, rejected, checkedAll ? checked - present - rejected : 0,
                mapped(row.getString("mapped")), percent(state), row.getString("message"), row.getString("created_by"),
                row.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    private static List<MappedValue> mapped(String json) {
        try {
            return json == null ? List.of() : MAPPED.readValue(json, new TypeReference<List<MappedValue>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An import's mapped values are not readable", e);
        }
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
