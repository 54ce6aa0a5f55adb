package dev.backlight.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import dev.backlight.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Two extra services behind the gateway under test: {@code /api/echo} answers with what it received (headers and body
 * size), or never answers under {@code /api/echo/slow}; {@code /api/down} points at a port nobody listens on. A short
 * time-out and small rate limits (with {@code /api/echo/heavy} costing 10) make these paths quick to test.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/api/echo/slow")) {
                sleep();
            }
            long bodySize = exchange.getRequestBody().readAllBytes().length;
            String json = "{\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id") + "\","
                    + "\"authorization\":" + (exchange.getRequestHeaders().getFirst("Authorization") != null) + ","
                    + "\"path\":\"" + exchange.getRequestURI() + "\",\"bodyBytes\":" + bodySize + "}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.ofEntries(
                Map.entry("backlight.gateway.services.echo-service.prefix", "/api/echo"),
                Map.entry("backlight.gateway.services.echo-service.url", "http://localhost:" + server.getAddress().getPort()),
                Map.entry("backlight.gateway.services.down-service.prefix", "/api/down"),
                Map.entry("backlight.gateway.services.down-service.url", "http://localhost:" + ServiceProcess.freePort()),
                Map.entry("backlight.gateway.timeout", "PT2S"),
                Map.entry("backlight.gateway.rate-limit.user.requests-per-minute", "60"),
                Map.entry("backlight.gateway.rate-limit.user.burst", "20"),
                Map.entry("backlight.gateway.rate-limit.tenant.requests-per-minute", "30"),
                Map.entry("backlight.gateway.rate-limit.tenant.burst", "40"),
                Map.entry("backlight.gateway.rate-limit.costs.\"/api/echo/heavy\"", "10"),
                // The gateway's own whole-tenant operations fit these small budgets.
                Map.entry("backlight.gateway.rate-limit.costs.\"/api/tenant-export\"", "5"),
                Map.entry("backlight.gateway.rate-limit.costs.\"/api/platform/tenants\"", "5"));
    }

    private static void sleep() {
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
