package dev.backlight.time.imports;

import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a tool's export becomes Backlight entries: which of its values says the function, and what its values are
 * here. Names are matched without regard to case. Remembered per tenant and tool; an import may send a new one.
 */
@Schema(name = "ImportMapping", description = "How a tool's projects, tasks or tags become functions, its clients or "
        + "customers client accounts, and its people employees (by email). At most 1,000 entries per map.")
public record ToolMapping(
        @Schema(description = "Which value of a row names its function: PROJECT, TASK (Kimai's activity) or TAG (the "
                + "first of the row's tags that is in functions). PROJECT when absent.", example = "PROJECT")
        FunctionSource functionFrom,
        @Schema(description = "Project, task or tag name to function code", example = "{\"Payroll run\": \"PAYROLL\", "
                + "\"Weekly schedule\": \"SCHEDULING\"}")
        @Size(max = 1000) Map<String, @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}", message = "must be a function code") String> functions,
        @Schema(description = "Client or customer name to client account code; an empty code books the time as shared. "
                + "Rows without a client are shared time.", example = "{\"Acme Corp\": \"CLIENT-A\", \"Internal\": \"\"}")
        @Size(max = 1000) Map<String, String> clients,
        @Schema(description = "Person (user name, or first and last name for Harvest) to employee email, for rows whose "
                + "file gives no email", example = "{\"Dana Whitfield\": \"dana@northwind.example\"}")
        @Size(max = 1000) Map<String, String> employees,
        @Schema(description = "Function of rows whose value is not in functions; without it such rows are rejected",
                example = "OTHER")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}", message = "must be a function code") String defaultFunction,
        @Schema(description = "Dates written with slashes are day first (03/02/2026 is 3 February); month first when "
                + "false or absent, as the US exports write them. ISO dates (2026-02-03) and dotted dates (03.02.2026, day "
                + "first) are read either way.", example = "false")
        Boolean dayFirst) {

    /** Where a row's function comes from. */
    public enum FunctionSource {
        PROJECT, TASK, TAG
    }

    public ToolMapping {
        functionFrom = functionFrom == null ? FunctionSource.PROJECT : functionFrom;
        functions = functions == null ? Map.of() : functions;
        clients = clients == null ? Map.of() : clients;
        employees = employees == null ? Map.of() : employees;
        dayFirst = dayFirst != null && dayFirst;
    }

    static ToolMapping none() {
        return new ToolMapping(null, null, null, null, null, null);
    }
}
