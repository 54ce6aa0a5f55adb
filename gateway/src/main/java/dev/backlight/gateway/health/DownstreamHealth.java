package dev.backlight.gateway.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.backlight.gateway.routing.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Each service behind the gateway, by its own readiness, at /q/health/group/downstream. It is a group of its own so
 * that one service being down never takes the gateway (and the other services behind it) out of rotation.
 */
@HealthGroup("downstream")
@ApplicationScoped
public class DownstreamHealth implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final WebClient web;

    DownstreamHealth(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.web = WebClient.create(vertx);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<String, String>>> checks = new ArrayList<>();
        config.services().forEach((name, service) -> checks.add(web.getAbs(service.url().resolve("/q/health/ready").toString())
                .timeout(Duration.ofSeconds(3).toMillis()).send()
                .map(response -> Map.entry(name, response.statusCode() == 200 ? "UP" : "DOWN"))
                .onFailure().recoverWithItem(Map.entry(name, "DOWN"))));
        return Uni.join().all(checks).andFailFast().map(states -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("services behind the gateway");
            states.forEach(state -> builder.withData(state.getKey(), state.getValue()));
            return builder.status(states.stream().allMatch(state -> state.getValue().equals("UP"))).build();
        });
    }
}
