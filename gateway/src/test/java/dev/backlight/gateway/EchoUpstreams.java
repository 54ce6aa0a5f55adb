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
 * time-out and a small rate limit make both paths quick to test.
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
        return Map.of(
                "backlight.gateway.services.echo-service.prefix", "/api/echo",
                "backlight.gateway.services.echo-service.url", "http://localhost:" + server.getAddress().getPort(),
                "backlight.gateway.services.down-service.prefix", "/api/down",
                "backlight.gateway.services.down-service.url", "http://localhost:" + ServiceProcess.freePort(),
                "backlight.gateway.timeout", "PT2S",
                "backlight.gateway.rate-limit.requests-per-minute", "60",
                "backlight.gateway.rate-limit.burst", "30");
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
