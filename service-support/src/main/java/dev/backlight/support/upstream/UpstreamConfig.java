package dev.backlight.support.upstream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service reads the services it depends on. */
@ConfigMapping(prefix = "backlight.upstream")
public interface UpstreamConfig {

    /** Limit of one attempt of a read; each retry gets its own. */
    @WithDefault("PT5S")
    Duration callTimeout();

    /** Attempts after the first, for infrastructure failures only (the service cannot be reached or answers 5xx). */
    @WithDefault("2")
    int retries();

    /**
     * How long a tenant's circuit breaker stays open once half of its last 10 reads failed; also the Retry-After, in
     * seconds, of the 503 a caller gets meanwhile.
     */
    @WithDefault("10")
    int retryAfterSeconds();
}
