package dev.backlight.support.tenancy;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The tenant-data endpoints every service has, under its own prefix (a subclass names the path): the caller's tenant
 * exported for its admin, a tenant counted and deleted for a platform admin. The gateway gathers the services' parts
 * into one archive, and deletes a tenant across them after a confirmation; its document prefixes these operation ids
 * with the service's name.
 */
@Tag(name = "Tenant data", description = "All of a tenant's records: one archive to download, deletion across the services")
public abstract class TenantDataEndpoints {

    private final TenantData data;
    private final Caller caller;

    protected TenantDataEndpoints(TenantData data, Caller caller) {
        this.data = data;
        this.caller = caller;
    }

    @GET
    @Produces("application/x-ndjson")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    // The roles, as the document states them for every operation (SmallRye does not read them off an inherited method).
    @SecurityRequirement(name = "bearer", scopes = Roles.TENANT_ADMIN)
    @Operation(operationId = "exportTenantData", summary = "All of the caller's tenant's records in this service, as JSON Lines",
            description = "One line per row, {\"table\": ..., \"row\": {...}}, every table of the service, read from one "
                    + "snapshot and streamed. GET /api/tenant-export at the gateway gathers every service's part into one archive.")
    @APIResponse(responseCode = "200", description = "One JSON object per line", content = @Content(mediaType = "application/x-ndjson",
            schema = @Schema(type = SchemaType.OBJECT, description = "A row: the table it comes from and its columns",
                    example = "{\"table\": \"holiday\", \"row\": {\"id\": 3, \"tenant_id\": \"northwind-cc\", \"day\": \"2026-12-25\"}}")))
    public Multi<JsonObject> export() {
        return data.export(caller.tenantId());
    }

    @GET
    @Path("/{tenantId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.PLATFORM_ADMIN)
    @Operation(operationId = "countTenantData", summary = "How many rows a tenant has in this service, per table",
            description = "What deleting the tenant would remove here; all zero for an unknown tenant.")
    public Uni<Map<String, Long>> count(@RestPath("tenantId") String tenantId) {
        return data.count(tenantId);
    }

    @DELETE
    @Path("/{tenantId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @SecurityRequirement(name = "bearer", scopes = Roles.PLATFORM_ADMIN)
    @Operation(operationId = "deleteTenantData", summary = "Delete every row a tenant has in this service",
            description = "In one transaction; answers how many rows per table. Deleting again removes nothing. Use "
                    + "DELETE /api/platform/tenants/{id} at the gateway, which asks for a confirmation and deletes the "
                    + "tenant in every service.")
    public Uni<Map<String, Long>> delete(@RestPath("tenantId") String tenantId) {
        return data.delete(tenantId);
    }
}
