package dev.backlight.time.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Imports of other time trackers' exports (Toggl Track, Clockify, Kimai, Harvest) and the tenant's mappings for them. */
@Path("/api/time/entries/tool-imports/{tool}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time entries")
@RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN})
public class ToolImportResource {

    private static final String TOOL = "toggl, clockify, kimai or harvest";

    private final ImportJobs imports;

    ToolImportResource(ImportJobs imports) {
        this.imports = imports;
    }

    /** The multipart form of an import from a tool, as OpenAPI describes it. */
    @Schema(name = "ToolImportForm")
    public record Form(
            @Schema(type = SchemaType.STRING, format = "binary", description = "The tool's detailed export, CSV with its "
                    + "header line, as the tool wrote it") String file,
            @Schema(description = "Optional: the mapping to use, remembered for the next import from this tool; the "
                    + "remembered one when absent") ToolMapping mapping) {
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "startToolImport", summary = "Import another time tracker's export, as a job",
            description = "Takes the standard detailed CSV export of Toggl Track (Reports, Detailed), Clockify (Reports, "
                    + "Detailed), Kimai (Export, CSV) or Harvest (Reports, Detailed time): columns for the person (email; "
                    + "or user, or Harvest's first and last name, mapped to an email), client or customer, project, task "
                    + "or activity, description or notes, tags, and start and end date and time (Harvest: a date and "
                    + "hours). Each row becomes an entry through the mapping: the function from its project, task or tag, "
                    + "the client account from its client, the employee by email. Times are read in zone (the tenant's "
                    + "when absent): a time the clocks skipped is rejected, in the hour a fall-back repeats the earlier "
                    + "one counts. An entry longer than 24 hours is rejected with the advice to split it in the tool; one "
                    + "that only crosses midnight is one entry on the day it began. Every row gets an externalRef made "
                    + "from its values, so importing the same export again skips what is there and a row repeated in the "
                    + "file is rejected as a duplicate. Then as POST /entries/imports: 202 with Location of the job, the "
                    + "same checks, modes (DRY_RUN writes nothing and tells what would be written, skipped and rejected), "
                    + "and report; the job lists what each project, task, tag, client and person was mapped to.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Form.class)))
    @APIResponse(responseCode = "202", description = "The file is in and being checked; Location names the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    public RestResponse<ImportJobView> start(
            @RestPath("tool") @Parameter(description = "The tool: " + TOOL, example = "toggl") String tool,
            @RestForm("file") @Parameter(hidden = true) FileUpload file,
            @RestForm("mapping") @PartType(MediaType.APPLICATION_JSON) @Parameter(hidden = true) @Valid ToolMapping mapping,
            @RestQuery("zone") @Parameter(description = "The zone the tool wrote its times in; the tenant's when absent",
                    example = "Europe/Berlin") String zone,
            @RestQuery("mode") @DefaultValue("ALL_OR_NOTHING") @Parameter(description = "ALL_OR_NOTHING writes nothing when "
                    + "a row is rejected; VALID_ROWS writes the valid rows; DRY_RUN writes nothing and tells what would be "
                    + "written, skipped and rejected") ImportMode mode) throws SQLException, IOException {
        SourceTool source = SourceTool.of(tool);
        if (file == null) {
            throw ApiException.invalidField("file", "is required: the " + source.title() + " export, as a file part");
        }
        ImportJobView job;
        try (InputStream body = Files.newInputStream(file.uploadedFile())) {
            job = imports.startFromTool(body, source, mapping, zone, mode);
        }
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, job)
                .header("Location", "/api/time/entries/imports/" + job.id()).build();
    }

    @GET
    @Path("/mapping")
    @Blocking
    @Operation(operationId = "getToolImportMapping", summary = "The tenant's remembered mapping for a tool",
            description = "An empty mapping, version 0, until one is stored; its ETag goes in If-Match.")
    public ToolMappingView mapping(@RestPath("tool") @Parameter(description = "The tool: " + TOOL, example = "toggl") String tool)
            throws SQLException {
        return imports.mapping(SourceTool.of(tool));
    }

    @PUT
    @Path("/mapping")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveToolImportMapping", summary = "Remember the tenant's mapping for a tool",
            description = "Replaces it; the next import from the tool uses it unless it sends its own. 412 when If-Match "
                    + "names a version that is no longer current.")
    public ToolMappingView saveMapping(@RestPath("tool") @Parameter(description = "The tool: " + TOOL, example = "toggl") String tool,
            @Valid @NotNull ToolMapping mapping,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch)
            throws SQLException, IOException {
        return imports.saveMapping(SourceTool.of(tool), mapping, ifMatch);
    }
}
