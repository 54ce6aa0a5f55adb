package dev.backlight.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per tenant (tenants come from verified tokens, so the map holds one entry per real tenant): a
 * steady rate per minute with a burst on top. One tenant's batch load never slows another tenant down.
 */
@ApplicationScoped
public class TenantRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit limit;

    TenantRateLimiter(GatewayConfig config) {
        this.limit = config.rateLimit();
    }

    /** 0 when the request may pass, else the whole seconds until the tenant may send again. */
    public long secondsToWait(String tenant) {
        ConsumptionProbe probe = buckets.computeIfAbsent(tenant, t -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.requestsPerMinute(), Duration.ofMinutes(1)))
                .build();
    }
}
