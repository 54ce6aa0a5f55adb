package dev.backlight.time.imports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A row of an import that was not written, and why: one line of the job's CSV report. {@code line} is the row's
 * number in the file, the header line not counted.
 */
@JsonPropertyOrder({"line", "externalRef", "field", "reason"})
public record RejectedRow(long line, String externalRef, String field, String reason) {
}
