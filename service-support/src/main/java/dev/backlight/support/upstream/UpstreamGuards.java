package dev.backlight.support.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** One {@link UpstreamGuard} per upstream service, configured by {@link UpstreamConfig}. */
@ApplicationScoped
public class UpstreamGuards {

    private final UpstreamConfig config;
    private final Map<String, UpstreamGuard> byService = new ConcurrentHashMap<>();

    UpstreamGuards(UpstreamConfig config) {
        this.config = config;
    }

    /** The guard every read from {@code service} goes through. */
    public UpstreamGuard guardFor(String service) {
        return byService.computeIfAbsent(service, name -> new UpstreamGuard(name, config.callTimeout(), config.retries(),
                Duration.ofSeconds(config.retryAfterSeconds())));
    }
}
