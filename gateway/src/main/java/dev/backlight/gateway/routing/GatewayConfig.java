package dev.backlight.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The services behind the gateway and the limits it applies in front of them. */
@ConfigMapping(prefix = "backlight.gateway")
public interface GatewayConfig {

    /** By service name (time-service, ...). */
    Map<String, Service> services();

    /** How long a service may stay silent before the client gets a 504. */
    Duration timeout();

    /**
     * The same for a streamed upload, which the service answers only once the whole body is in: long enough to send
     * the largest one.
     */
    Duration streamedTimeout();

    int retryAfterSeconds();

    /**
     * The longest path and query taken (in characters), below what the services' HTTP codec takes, so that a longer
     * one gets a 414 problem here rather than an empty 414 from behind.
     */
    int maxUriLength();

    interface Service {
        /** The path prefix the service owns, e.g. /api/time. */
        String prefix();

        URI url();

        /**
         * The largest request body the service takes (its quarkus.http.limits.max-body-size): a larger declared body
         * is refused here, before it is forwarded, rather than cut off mid-stream by the service.
         */
        Optional<MemorySize> maxBodySize();

        /** Path prefixes that take streamed uploads (the service's backlight.http.streamed-body-paths). */
        Optional<List<String>> streamedBodyPaths();

        /** Whether the service keeps tenant data (answers /tenant-data under its prefix), for exports and deletions. */
        @WithDefault("false")
        boolean tenantData();

        /** The largest streamed upload those paths take (the service's quarkus.http.limits.max-body-size). */
        Optional<MemorySize> streamedMaxBodySize();

        default boolean streams(String path) {
            return streamedBodyPaths().orElse(List.of()).stream().anyMatch(path::startsWith);
        }

        /** The body limit of a request path. */
        default long maxBodySizeOf(String path) {
            Optional<MemorySize> limit = streams(path) ? streamedMaxBodySize() : maxBodySize();
            return limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        }
    }
}
