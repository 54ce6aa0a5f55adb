package dev.backlight.gateway.tenants;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.backlight.gateway.ratelimit.RateLimiter;
import dev.backlight.gateway.routing.Problems;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * A tenant's data across the services: its admin downloads all of it as one archive; a platform admin deletes it
 * from every service, after a confirmation.
 */
@Path("/api")
@Tag(name = "Tenant data", description = "All of a tenant's records: one archive to download, deletion across the services")
public class TenantDataResource {

    private static final String TENANT_ID = "[a-z0-9][a-z0-9-]{1,62}";

    private final ServiceData services;
    private final PendingDeletions pending;
    private final RateLimiter rateLimiter;
    private final JsonWebToken token;
    private final Clock clock = Clock.systemUTC();

    TenantDataResource(ServiceData services, PendingDeletions pending, RateLimiter rateLimiter, JsonWebToken token) {
        this.services = services;
        this.pending = pending;
        this.rateLimiter = rateLimiter;
        this.token = token;
    }

    /**
     * These operations read or delete a whole tenant in every service, so they spend from the caller's and the tenant's
     * budgets as the routed requests do; a 429 problem with Retry-After when they are spent.
     */
    private void spend(String path) {
        if (!rateLimiter.enabled()) {
            return;
        }
        int cost = rateLimiter.costOf(path);
        long wait = rateLimiter.secondsToWait(Objects.requireNonNullElse(token.<String>getClaim("tenant"), ""), token.getSubject(), cost);
        if (wait > 0) {
            throw new WebApplicationException(Response.status(429).type(Problems.MEDIA_TYPE)
                    .header("Retry-After", String.valueOf(wait)).entity(Problems.rateLimited(cost, wait, path).toString()).build());
        }
    }

    /** What a deletion request found and the code that confirms it. */
    @Schema(name = "TenantDeletionRequest")
    public record DeletionRequest(@Schema(example = "harbor-bpo") String tenantId,
            @Schema(description = "Send it back as ?confirmation= with the DELETE", example = "DELETE-7KQ2M9XW") String confirmation,
            Instant expiresAt,
            @Schema(description = "Rows per service and table that the deletion would remove") Map<String, Map<String, Long>> rows,
            @Schema(example = "12840") long totalRows) {
    }

    /** What a deletion removed. */
    @Schema(name = "TenantDeletion")
    public record Deletion(@Schema(example = "harbor-bpo") String tenantId,
            @Schema(description = "Rows removed per service and table") Map<String, Map<String, Long>> rows,
            @Schema(example = "12840") long totalRows) {
    }

    @GET
    @Path("/tenant-export")
    @Blocking
    @RolesAllowed("tenant-admin")
    @Produces("application/zip")
    @Operation(operationId = "exportTenant", summary = "Download all of the tenant's data, as one archive",
            description = "A zip holding one JSON Lines file per service (time-service.jsonl, metrics-service.jsonl, "
                    + "client-costing-service.jsonl: one {table, row} object per line, every table, each service read from "
                    + "one snapshot) and manifest.json (tenant, time, lines per file). Streamed as the services send it, so "
                    + "its size is not bounded by memory. 503 naming the service when one cannot answer.")
    @APIResponse(responseCode = "200", description = "The archive",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@RestHeader("Authorization") @Parameter(hidden = true) String authorization) {
        String path = "/api/tenant-export";
        spend(path);
        String tenant = token.getClaim("tenant");
        Map<String, Multi<Buffer>> parts = new LinkedHashMap<>();
        for (String service : services.services()) {
            parts.put(service, fromServices(services.open(service, authorization), ServiceData.CALL_TIMEOUT, path));
        }
        StreamingOutput archive = out -> write(out, tenant, parts);
        return Response.ok(archive, "application/zip").header("Content-Disposition", "attachment; filename=\"backlight-"
                + tenant + "-" + LocalDate.now(clock) + ".zip\"").build();
    }

    private void write(OutputStream out, String tenant, Map<String, Multi<Buffer>> parts) throws IOException {
        JsonObject lines = new JsonObject();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Multi<Buffer>> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey() + ".jsonl"));
                long count = 0;
                for (Buffer chunk : part.getValue().subscribe().asIterable()) {
                    byte[] bytes = chunk.getBytes();
                    zip.write(bytes);
                    for (byte b : bytes) {
                        count += b == '\n' ? 1 : 0;
                    }
                }
                zip.closeEntry();
                lines.put(part.getKey() + ".jsonl", count);
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(new JsonObject().put("tenant", tenant).put("exportedAt", Instant.now(clock).toString()).put("lines", lines)
                    .encodePrettily().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    @POST
    @Path("/platform/tenants/{id}/deletion")
    @Blocking
    @RolesAllowed("platform-admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestTenantDeletion", summary = "Ask to delete a tenant: see what would go, get the confirmation",
            description = "Counts the tenant's rows in every service and answers a confirmation code, valid 15 minutes; "
                    + "DELETE /api/platform/tenants/{id}?confirmation=<code> then deletes. Download the tenant's data first "
                    + "(its admin: GET /api/tenant-export). A new request replaces the tenant's earlier code.")
    @APIResponse(responseCode = "201", description = "The rows found and the confirmation code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeletionRequest.class)))
    public Response requestDeletion(@RestPath("id") @Parameter(description = "The tenant's id", example = "harbor-bpo") String id,
            @RestHeader("Authorization") @Parameter(hidden = true) String authorization) throws SQLException {
        String path = "/api/platform/tenants/" + id + "/deletion";
        checkTenantId(id, path);
        spend(path);
        Map<String, Map<String, Long>> rows = fromServices(services.count(id, authorization), ServiceData.CALL_TIMEOUT, path);
        PendingDeletions.Pending request = pending.request(id, token.getSubject(), Instant.now(clock));
        return Response.status(201).type(MediaType.APPLICATION_JSON)
                .entity(new DeletionRequest(id, request.confirmation(), request.expiresAt(), rows, total(rows))).build();
    }

    @DELETE
    @Path("/platform/tenants/{id}")
    @Blocking
    @RolesAllowed("platform-admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deleteTenant", summary = "Delete a tenant from every service",
            description = "Needs the confirmation code of a request made in the last 15 minutes (POST .../deletion). "
                    + "Deletes the tenant's rows in metrics-service and client-costing-service, then in time-service (the "
                    + "tenant itself), each in one transaction, and the gateway's own (rate-limit buckets). When a service "
                    + "fails, what was deleted stays deleted: the answer (502/503) names the service, and the same DELETE "
                    + "with the same code finishes the job. Cannot be undone.")
    @APIResponse(responseCode = "200", description = "Rows removed per service and table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deletion.class)))
    public Response delete(@RestPath("id") @Parameter(description = "The tenant's id", example = "harbor-bpo") String id,
            @RestQuery("confirmation") @Parameter(description = "The code the deletion request answered", required = true,
                    example = "DELETE-7KQ2M9XW") String confirmation,
            @RestHeader("Authorization") @Parameter(hidden = true) String authorization) throws SQLException {
        String path = "/api/platform/tenants/" + id;
        checkTenantId(id, path);
        if (confirmation == null || confirmation.isBlank()) {
            throw new WebApplicationException(invalid(path, "confirmation", "is required: ask first with POST " + path + "/deletion"));
        }
        if (pending.confirmed(id, confirmation.strip(), Instant.now(clock)).isEmpty()) {
            return Response.status(409).type(Problems.MEDIA_TYPE).entity(Problems.about("confirmation-invalid",
                    "Confirmation invalid", 409, "No deletion of " + id + " waits for this code: it is wrong, expired or "
                            + "used. Ask again with POST " + path + "/deletion", null, path, "confirmation",
                    "is not the code of a waiting deletion request").toString()).build();
        }
        Map<String, Map<String, Long>> rows = fromServices(services.delete(id, authorization),
                ServiceData.CALL_TIMEOUT.multipliedBy(3), path);
        pending.done(id);
        return Response.ok(new Deletion(id, rows, total(rows)), MediaType.APPLICATION_JSON).build();
    }

    private static long total(Map<String, Map<String, Long>> rows) {
        return rows.values().stream().flatMap(tables -> tables.values().stream()).mapToLong(Long::longValue).sum();
    }

    /**
     * What the services answer; a refusal of theirs becomes the caller's problem (their 4xx, else a 502 naming the
     * service), and no answer a 503.
     */
    private static <T> T fromServices(Uni<T> call, Duration limit, String path) {
        try {
            return call.await().atMost(limit);
        } catch (ServiceData.ServiceFailed failed) {
            throw new WebApplicationException(problem(failed, path));
        } catch (RuntimeException unreachable) {
            throw new WebApplicationException(unavailable(unreachable, path));
        }
    }

    private static void checkTenantId(String id, String path) {
        if (!id.matches(TENANT_ID)) {
            throw new WebApplicationException(invalid(path, "id", "must be 2-63 lower-case letters, digits or hyphens"));
        }
    }

    private static Response invalid(String path, String field, String message) {
        return Response.status(400).type(Problems.MEDIA_TYPE).entity(Problems.about("invalid-request", "Invalid request", 400,
                field + " " + message, null, path, field, message).toString()).build();
    }

    private static Response problem(ServiceData.ServiceFailed failed, String path) {
        int status = failed.status >= 400 && failed.status < 500 ? failed.status : 502;
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(Problems.about("service-refused", "A service refused",
                status, failed.service + " answered " + failed.status + ": " + failed.getMessage(), failed.service, path)
                .toString()).build();
    }

    private static Response unavailable(RuntimeException failure, String path) {
        return Response.status(503).type(Problems.MEDIA_TYPE).header("Retry-After", "30").entity(Problems.about(
                "service-unavailable", "Service unavailable", 503, "A service did not answer: " + failure.getMessage()
                        + "; nothing more was done. Try again.", null, path).toString()).build();
    }
}
