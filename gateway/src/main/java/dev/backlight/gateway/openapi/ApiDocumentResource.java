package dev.backlight.gateway.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

@Path("/openapi")
public class ApiDocumentResource {

    private final ApiDocument document;

    ApiDocumentResource(ApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getApiDocument", summary = "The OpenAPI document of the whole suite, gathered from every service")
    public Uni<JsonObject> get() {
        return document.gathered();
    }
}
