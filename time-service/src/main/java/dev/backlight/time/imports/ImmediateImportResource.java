package dev.backlight.time.imports;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.csv.Csv;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Imports of a small batch answered at once, through the same checks as the streamed imports (ImportJobResource). */
@Path("/api/time/entries/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time entries")
@RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN})
public class ImmediateImportResource {

    /** The most rows an immediate import takes; larger files are streamed as a job. */
    static final int MAX_IMMEDIATE_ROWS = 10_000;

    private final ImportJobs importJobs;

    ImmediateImportResource(ImportJobs importJobs) {
        this.importJobs = importJobs;
    }

    @Schema(name = "ImportRow", description = "One entry of an import (JSON array or CSV with these column names)")
    public record ImportRow(
            @Schema(example = "payroll-sys-88121") String externalRef,
            @Schema(example = "dana@northwind.example") String employeeEmail,
            @Schema(example = "PAYROLL") String functionCode,
            @Schema(example = "CLIENT-B") String clientCode,
            @Schema(example = "2026-03-02T14:00:00Z") OffsetDateTime startedAt,
            @Schema(example = "2026-03-02T16:00:00Z") OffsetDateTime endedAt,
            @Schema(example = "America/New_York") String zone,
            @Schema(example = "2026-03-02") LocalDate workDate,
            @Schema(example = "120") Integer durationMinutes,
            String notes) {
        ImportLine toLine() {
            return new ImportLine(externalRef, employeeEmail, functionCode, clientCode, text(startedAt), text(endedAt), zone,
                    text(workDate), text(durationMinutes), notes);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    @Schema(name = "ImportOutcome")
    public record ImportOutcome(@Schema(example = "118") long imported,
            @Schema(description = "Rows whose externalRef was already recorded (a re-run)", example = "2") long alreadyPresent) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "importTimeEntries", summary = "Import time entries (JSON), at once", description = "All or nothing: "
            + "a bad row fails the batch with a problem naming the first rows at fault (rows[i].field; 409 when one "
            + "conflicts with recorded time) and nothing is written. Rows whose externalRef is already recorded with the "
            + "same values are skipped, so a re-run import duplicates nothing. At most 10,000 rows; larger files go to "
            + "POST /entries/imports, which streams them as a job.")
    public ImportOutcome importJson(@Valid @NotNull @Size(max = MAX_IMMEDIATE_ROWS) List<@NotNull ImportRow> rows)
            throws SQLException, IOException {
        return run(rows);
    }

    @POST
    @Consumes(Csv.MEDIA_TYPE)
    @Blocking
    @Operation(summary = "Import time entries (CSV), at once", description = "Same as the JSON import; the header line names "
            + "the columns of ImportRow, in any order.")
    public ImportOutcome importCsv(String csv) throws SQLException, IOException {
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalidField("body", "must be a CSV document with a header line");
        }
        List<ImportRow> rows = Csv.read(ImportRow.class, new StringReader(csv));
        if (rows.size() > MAX_IMMEDIATE_ROWS) {
            throw ApiException.invalidField("body", "must hold at most " + MAX_IMMEDIATE_ROWS + " rows; stream larger files to /entries/imports");
        }
        return run(rows);
    }

    private ImportOutcome run(List<ImportRow> rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            throw ApiException.invalidField("rows", "must contain at least one entry");
        }
        ImportJobs.Outcome outcome = importJobs.importNow(rows.stream().map(ImportRow::toLine).toList());
        return new ImportOutcome(outcome.imported(), outcome.alreadyPresent());
    }
}
