package dev.backlight.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** The services behind the gateway and the limits it applies in front of them. */
@ConfigMapping(prefix = "backlight.gateway")
public interface GatewayConfig {

    /** By service name (time-service, ...). */
    Map<String, Service> services();

    /** How long a service may stay silent before the client gets a 504. */
    Duration timeout();

    int retryAfterSeconds();

    RateLimit rateLimit();

    interface Service {
        /** The path prefix the service owns, e.g. /api/time. */
        String prefix();

        URI url();
    }

    interface RateLimit {
        int requestsPerMinute();

        int burst();
    }
}
