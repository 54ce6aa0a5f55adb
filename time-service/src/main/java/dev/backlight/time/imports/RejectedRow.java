package dev.backlight.time.imports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of an import that was not written, and why: one line of the job's report. */
@Schema(name = "RejectedImportRow")
@JsonPropertyOrder({"line", "externalRef", "field", "reason"})
public record RejectedRow(
        @Schema(description = "The row's number in the file, the header line not counted", example = "118") long line,
        @Schema(example = "toggl-88121") String externalRef,
        @Schema(description = "The field at fault", example = "employeeEmail") String field,
        @Schema(example = "no employee has this email") String reason) {
}
