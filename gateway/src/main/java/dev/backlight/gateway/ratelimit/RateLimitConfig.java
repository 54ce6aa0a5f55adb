package dev.backlight.gateway.ratelimit;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much each caller may ask of the suite: a budget per user and one per tenant, both token buckets (a sustained rate
 * per minute and a burst above it), shared by every gateway replica. A request costs 1 unless its path is listed in
 * {@link #costs()}.
 */
@ConfigMapping(prefix = "backlight.gateway.rate-limit")
public interface RateLimitConfig {

    /** Off only for benchmarks that measure the services rather than the limit. */
    @WithDefault("true")
    boolean enabled();

    /** One tenant's whole budget: all its users together, BI scripts included. */
    Budget tenant();

    /** One user's budget within their tenant, so that one script cannot spend all of their colleagues' budget. */
    Budget user();

    /** The cost of a request by path prefix (the longest prefix wins): reports that read many rows cost more. */
    Map<String, Integer> costs();

    interface Budget {
        int requestsPerMinute();

        int burst();
    }
}
