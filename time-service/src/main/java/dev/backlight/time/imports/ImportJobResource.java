package dev.backlight.time.imports;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/time/entries/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time entries")
@RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN})
public class ImportJobResource {

    private static final String CSV_EXAMPLE = """
            externalRef,employeeEmail,functionCode,clientCode,startedAt,endedAt,zone,workDate,durationMinutes,notes
            toggl-88121,dana@northwind.example,PAYROLL,CLIENT-B,2026-03-02T14:00:00Z,2026-03-02T16:00:00Z,,,,March run
            toggl-88122,dana@northwind.example,REPORTING,,,,,2026-03-03,45,
            """;
    /** One line of a JSON Lines body; OpenAPI describes a line, not the stream of them. */
    private static final String JSON_LINE_EXAMPLE = """
            {"externalRef":"toggl-88121","employeeEmail":"dana@northwind.example","functionCode":"PAYROLL","startedAt":"2026-03-02T14:00:00Z","endedAt":"2026-03-02T16:00:00Z"}""";

    private final ImportJobs imports;

    ImportJobResource(ImportJobs imports) {
        this.imports = imports;
    }

    @POST
    @Blocking
    @Consumes({Csv.MEDIA_TYPE, ImportFormat.JSON_LINES_TYPE, ImportFormat.JSONL_TYPE})
    @Operation(operationId = "startTimeEntryImport", summary = "Import time entries from a file, as a job",
            description = "The body is streamed: CSV under a header line naming the ImportLine columns (in any order), or JSON "
                    + "Lines (one ImportLine object per line), up to 2,000,000 rows and 1 GiB. Answered 202 once the whole file "
                    + "is in, with Location of the job; poll it for progress and the outcome. Every row obeys the rules of "
                    + "a single entry (24 h limit, no overlap with recorded time or with another row of the file, at most 24 h "
                    + "a day, no locked period or submitted or approved week, known employee, function and client), checked "
                    + "set-wise. Rows whose externalRef is already recorded with the same values are skipped, so a re-run "
                    + "duplicates nothing. A row that breaks a rule is rejected and listed in the job's report; mode says "
                    + "whether the valid rows are written anyway. A file that cannot be read at all is a 400.")
    @RequestBody(required = true, content = {
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
            @Content(mediaType = ImportFormat.JSON_LINES_TYPE, schema = @Schema(implementation = ImportLine.class),
                    examples = @ExampleObject(name = "jsonLine", summary = "One line; the body holds one such object per line",
                            value = JSON_LINE_EXAMPLE))})
    @APIResponse(responseCode = "202", description = "The file is in and being checked; Location names the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    public RestResponse<ImportJobView> start(InputStream body,
            @RestHeader("Content-Type") @Parameter(hidden = true) String contentType,
            @RestQuery("mode") @DefaultValue("ALL_OR_NOTHING") @Parameter(description = "ALL_OR_NOTHING writes nothing "
                    + "when a row is rejected; VALID_ROWS writes the valid rows") ImportMode mode) throws SQLException, IOException {
        ImportJobView job = imports.start(body, contentType, mode);
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, job)
                .header("Location", "/api/time/entries/imports/" + job.id()).build();
    }

    @GET
    @Blocking
    @Operation(operationId = "listTimeEntryImports", summary = "The tenant's imports", description = "Newest first; "
            + "finished imports are kept 30 days.")
    public ListPage<ImportJobView> list(@Valid @BeanParam PageRequest page) throws SQLException {
        return imports.jobs(page);
    }

    @GET
    @Path("/{id}")
    @Blocking
    @Operation(operationId = "getTimeEntryImport", summary = "One import: progress and outcome", description = "404 for "
            + "an unknown import or another tenant's.")
    public ImportJobView get(@RestPath("id") UUID id) throws SQLException {
        return imports.job(id);
    }

    @GET
    @Path("/{id}/rejections")
    @Blocking
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "getTimeEntryImportRejections", summary = "The rows an import rejected, as CSV",
            description = "Every rejected row, streamed in file order, as the columns line (the row's number in the file, the "
                    + "header line not counted), externalRef, field (the one at fault) and reason. Empty (the header line only) "
                    + "when none was rejected.")
    public Multi<String> rejections(@RestPath("id") UUID id) throws SQLException {
        return Csv.stream(RejectedRow.class, imports.report(id));
    }
}
