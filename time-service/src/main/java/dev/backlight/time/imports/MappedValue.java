package dev.backlight.time.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A value of a tool's export, what the import's mapping made of it, and on how many rows. */
@Schema(name = "MappedValue", description = "A value of the tool's export and what the mapping made of it")
public record MappedValue(
        @Schema(description = "FUNCTION (from a project, task or tag), CLIENT or EMPLOYEE", example = "FUNCTION") Kind kind,
        @Schema(description = "The value as the export writes it", example = "Payroll run") String value,
        @Schema(description = "The function code, client code (empty: shared time) or employee email it became; null "
                + "when the mapping has none, so its rows are rejected", example = "PAYROLL") String mappedTo,
        @Schema(example = "120") long rows) {

    /** What a value became: a function, a client account or an employee. */
    public enum Kind {
        FUNCTION, CLIENT, EMPLOYEE
    }
}
