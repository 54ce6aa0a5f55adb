package dev.backlight.gateway.openapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.gateway.routing.GatewayConfig;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.mutiny.Uni;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The whole API as one OpenAPI document: every service's own document (each describes its paths, schemas and
 * examples) gathered into one, so a BI tool or a client generator needs a single URL. A schema two services name
 * alike but define differently is renamed after its service; identical ones (the problem details) are kept once.
 */
@ApplicationScoped
public class ApiDocument {

    private static final String SCHEMA_REF = "#/components/schemas/";
    /** The name SmallRye gives the application's one document. */
    private static final String DEFAULT_DOCUMENT = "<default>";

    /** The security scheme Swagger UI signs in with: Keycloak's authorization code flow with PKCE. */
    static final String SIGN_IN_SCHEME = "keycloak";

    private final GatewayConfig config;
    private final String signInRealm;
    private final WebClient web;

    /** The gateway's own operations (tenant data across the services), from the document SmallRye built of them. */
    private final OpenApiDocumentService own;

    ApiDocument(GatewayConfig config, SignInConfig signIn, Vertx vertx, OpenApiDocumentService own) {
        this.config = config;
        this.own = own;
        this.signInRealm = signIn.signInRealmUrl();
        this.web = WebClient.create(vertx);
    }

    public Uni<JsonObject> gathered() {
        List<Uni<Map.Entry<String, JsonObject>>> reads = new ArrayList<>();
        config.services().forEach((name, service) -> reads.add(web.getAbs(service.url().resolve("/q/openapi").toString())
                .putHeader("Accept", "application/json").timeout(Duration.ofSeconds(5).toMillis()).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + " answered " + response.statusCode());
                    }
                    return Map.entry(name, response.bodyAsJsonObject());
                })
                // A service that is down leaves its part out rather than taking the whole document down.
                .onFailure().recoverWithItem(Map.entry(name, new JsonObject()))));
        reads.add(Uni.createFrom().item(this::ownOperations));
        return Uni.join().all(reads).andFailFast().map(this::merge);
    }

    /** The gateway's own document, its /api operations only (not this document's own endpoint). */
    private Map.Entry<String, JsonObject> ownOperations() {
        JsonObject document = new JsonObject(new String(own.getDocument(DEFAULT_DOCUMENT, Format.JSON), StandardCharsets.UTF_8));
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        paths.fieldNames().removeIf(path -> !path.startsWith("/api/"));
        // Schemas only the left-out paths used go with them.
        JsonObject schemas = document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        String usedByPaths = paths.encode();
        schemas.fieldNames().removeIf(name -> !usedByPaths.contains("\"" + SCHEMA_REF + name + "\"") && !referencedByOthers(schemas, name));
        return Map.entry("gateway", document);
    }

    private static boolean referencedByOthers(JsonObject schemas, String name) {
        return schemas.fieldNames().stream().filter(other -> !other.equals(name))
                .anyMatch(other -> schemas.getJsonObject(other).encode().contains("\"" + SCHEMA_REF + name + "\""));
    }

    private JsonObject merge(List<Map.Entry<String, JsonObject>> documents) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonObject securitySchemes = new JsonObject();
        JsonArray tags = new JsonArray();
        JsonArray missing = new JsonArray();
        Set<String> shared = sharedOperationIds(documents);
        for (Map.Entry<String, JsonObject> entry : documents) {
            String service = entry.getKey();
            JsonObject document = entry.getValue();
            if (document.isEmpty()) {
                missing.add(service);
                continue;
            }
            JsonObject own = document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            String text = document.encode();
            for (String name : own.fieldNames()) {
                if (schemas.containsKey(name) && !schemas.getJsonObject(name).equals(own.getJsonObject(name))) {
                    text = text.replace("\"" + SCHEMA_REF + name + "\"", "\"" + SCHEMA_REF + prefixed(service, name) + "\"");
                }
            }
            JsonObject renamed = new JsonObject(text);
            JsonObject renamedSchemas = renamed.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            for (String name : own.fieldNames()) {
                boolean clash = schemas.containsKey(name) && !schemas.getJsonObject(name).equals(own.getJsonObject(name));
                schemas.put(clash ? prefixed(service, name) : name, renamedSchemas.getJsonObject(name));
            }
            renamed.getJsonObject("paths", new JsonObject()).forEach(path -> paths.put(path.getKey(),
                    signInAccepted(ownOperationIds(service, (JsonObject) path.getValue(), shared))));
            securitySchemes.mergeIn(renamed.getJsonObject("components", new JsonObject()).getJsonObject("securitySchemes", new JsonObject()));
            // A tag several services share (Tenant data) is listed once.
            renamed.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                String name = ((JsonObject) tag).getString("name");
                if (tags.stream().noneMatch(known -> ((JsonObject) known).getString("name").equals(name))) {
                    tags.add(tag);
                }
            });
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Backlight API").put("version", "0.1.0")
                        .put("license", new JsonObject().put("name", "Apache License 2.0").put("identifier", "Apache-2.0"))
                        .put("description", "Time capture, function metrics and client costing for call-center and BPO back "
                                + "offices, through one gateway. Every call needs a Keycloak bearer token; the tenant comes from it."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas)
                        .put("securitySchemes", securitySchemes.put(SIGN_IN_SCHEME, signInScheme())))
                .put("x-services-unavailable", missing);
    }

    /**
     * How a person signs in from Swagger UI (or any tool reading the document): Keycloak's authorization endpoint in
     * the browser, the public web client, PKCE. The token it gets is the same bearer token the API checks.
     */
    private JsonObject signInScheme() {
        String openIdConnect = signInRealm + "/protocol/openid-connect";
        return new JsonObject().put("type", "oauth2")
                .put("description", "Sign in with Keycloak (authorization code with PKCE, client backlight-web)")
                .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                        .put("authorizationUrl", openIdConnect + "/auth").put("tokenUrl", openIdConnect + "/token")
                        .put("scopes", new JsonObject().put("openid", "Sign in"))));
    }

    /** Operation ids that more than one document uses (the tenant-data endpoints every service has). */
    private static Set<String> sharedOperationIds(List<Map.Entry<String, JsonObject>> documents) {
        Map<String, Integer> uses = new HashMap<>();
        documents.forEach(document -> operations(document.getValue().getJsonObject("paths", new JsonObject()))
                .forEach(operation -> uses.merge(operation.getString("operationId", ""), 1, Integer::sum)));
        return uses.entrySet().stream().filter(use -> use.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** A shared operation id becomes the service's own: exportTenantData of time-service is timeExportTenantData. */
    private static JsonObject ownOperationIds(String service, JsonObject pathItem, Set<String> shared) {
        operations(new JsonObject().put("path", pathItem)).forEach(operation -> {
            String id = operation.getString("operationId", "");
            if (shared.contains(id)) {
                String prefix = prefixed(service, "");
                operation.put("operationId", Character.toLowerCase(prefix.charAt(0)) + prefix.substring(1)
                        + Character.toUpperCase(id.charAt(0)) + id.substring(1));
            }
        });
        return pathItem;
    }

    private static List<JsonObject> operations(JsonObject paths) {
        List<JsonObject> operations = new ArrayList<>();
        paths.forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
            if (operation.getValue() instanceof JsonObject body && body.containsKey("operationId")) {
                operations.add(body);
            }
        }));
        return operations;
    }

    /** Every operation that takes a bearer token takes one got by signing in, too. */
    private static JsonObject signInAccepted(JsonObject pathItem) {
        pathItem.forEach(operation -> {
            if (operation.getValue() instanceof JsonObject body && body.containsKey("security")) {
                body.getJsonArray("security").add(new JsonObject().put(SIGN_IN_SCHEME, new JsonArray()));
            }
        });
        return pathItem;
    }

    private static String prefixed(String service, String schema) {
        String prefix = Character.toUpperCase(service.charAt(0)) + service.substring(1).replace("-service", "").replace("-", "");
        return prefix + schema;
    }
}
