package dev.backlight.gateway.tenants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.gateway.routing.GatewayConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Each service's part of a tenant's data (its /tenant-data endpoints), called with the caller's token: counted,
 * deleted, or streamed. time-service comes last, since it holds the tenant itself.
 */
@ApplicationScoped
class ServiceData {

    /** How long a service may take to count or delete a tenant's rows (one transaction, every table). */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    private static final String OWNER = "time-service";

    private final GatewayConfig config;
    private final WebClient web;
    private final HttpClient http;

    ServiceData(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.web = WebClient.create(vertx);
        this.http = vertx.createHttpClient();
    }

    /** A service's answer that was not the one expected. */
    static final class ServiceFailed extends RuntimeException {
        final String service;
        final int status;

        ServiceFailed(String service, int status, String detail) {
            super(detail);
            this.service = service;
            this.status = status;
        }
    }

    /** The services that keep tenant data, time-service last. */
    List<String> services() {
        List<String> names = new ArrayList<>(config.services().entrySet().stream().filter(e -> e.getValue().tenantData())
                .map(Map.Entry::getKey).toList());
        names.sort(Comparator.comparing((String name) -> name.equals(OWNER)).thenComparing(name -> name));
        return names;
    }

    /** Rows per service and table; one call per service, side by side. */
    Uni<Map<String, Map<String, Long>>> count(String tenantId, String authorization) {
        return perService(name -> call(name, HttpMethod.GET, tenantId, authorization));
    }

    /** Deletes the tenant's rows in each service in turn, time-service last; rows per service and table. */
    Uni<Map<String, Map<String, Long>>> delete(String tenantId, String authorization) {
        Map<String, Map<String, Long>> deleted = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String name : services()) {
            chain = chain.chain(() -> call(name, HttpMethod.DELETE, tenantId, authorization).invoke(rows -> deleted.put(name, rows)))
                    .replaceWithVoid();
        }
        return chain.map(done -> deleted);
    }

    /** The caller's tenant's records in one service as JSON Lines, opened (status checked) but not yet read. */
    Uni<Multi<Buffer>> open(String service, String authorization) {
        GatewayConfig.Service target = config.services().get(service);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(target.url().resolve(target.prefix() + "/tenant-data").toString())
                .putHeader("Authorization", authorization).putHeader("Accept", "application/x-ndjson")
                .setIdleTimeout(CALL_TIMEOUT.toMillis());
        return http.request(request).chain(r -> r.send()).invoke(HttpClientResponse::pause).chain(response -> {
            if (response.statusCode() == 200) {
                return Uni.createFrom().item(response.toMulti());
            }
            return response.body().map(body -> {
                throw new ServiceFailed(service, response.statusCode(), body.toString());
            });
        });
    }

    private Uni<Map<String, Map<String, Long>>> perService(Function<String, Uni<Map<String, Long>>> call) {
        List<String> names = services();
        List<Uni<Map<String, Long>>> calls = names.stream().map(call).toList();
        return Uni.join().all(calls).andFailFast().map(results -> {
            Map<String, Map<String, Long>> byService = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byService.put(names.get(i), results.get(i));
            }
            return byService;
        });
    }

    private Uni<Map<String, Long>> call(String service, HttpMethod method, String tenantId, String authorization) {
        GatewayConfig.Service target = config.services().get(service);
        return web.requestAbs(method, target.url().resolve(target.prefix() + "/tenant-data/" + tenantId).toString())
                .putHeader("Authorization", authorization).putHeader("Accept", "application/json")
                .timeout(CALL_TIMEOUT.toMillis()).send()
                .map(response -> rows(service, response));
    }

    private static Map<String, Long> rows(String service, HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new ServiceFailed(service, response.statusCode(), response.bodyAsString());
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        JsonObject body = response.bodyAsJsonObject();
        body.fieldNames().forEach(table -> rows.put(table, body.getLong(table)));
        return rows;
    }
}
