package dev.backlight.gateway.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;

/**
 * Token buckets per user and per tenant, kept in the gateway's PostgreSQL table so that every replica spends from the
 * same budgets (a row per bucket, locked while it is updated). Blocking JDBC: call it on a worker thread.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final RateLimitConfig config;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
    private final BucketConfiguration tenantBudget;
    private final BucketConfiguration userBudget;
    private final List<Map.Entry<String, Integer>> costsLongestFirst;
    // One proxy per key, so that concurrent requests of one tenant are batched into one database round trip. Keys come
    // from verified tokens, so there is one entry per real user and tenant.
    private final Map<String, BucketProxy> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitConfig config, AgroalDataSource dataSource) {
        this.config = config;
        this.store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("gateway.rate_limit_bucket")
                // A bucket that has refilled completely holds nothing worth keeping: its row may go.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.tenantBudget = budget(config.tenant());
        this.userBudget = budget(config.user());
        this.costsLongestFirst = config.costs().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> cost) -> cost.getKey().length()).reversed())
                .toList();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** What a request to this path costs: its longest listed prefix's cost, else 1. */
    public int costOf(String path) {
        for (Map.Entry<String, Integer> cost : costsLongestFirst) {
            if (path.startsWith(cost.getKey())) {
                return cost.getValue();
            }
        }
        return 1;
    }

    /**
     * Spends {@code cost} from the user's budget, then from their tenant's; 0 when the request may pass, else the whole
     * seconds until it could. Nothing is spent from either when one of them refuses. The store being unreachable lets
     * the request pass (logged): an outage of the limiter must not become an outage of the API.
     */
    public long secondsToWait(String tenant, String user, int cost) {
        try {
            BucketProxy userBucket = bucket("user:" + tenant + ":" + user, userBudget);
            ConsumptionProbe byUser = userBucket.tryConsumeAndReturnRemaining(cost);
            if (!byUser.isConsumed()) {
                return wholeSeconds(byUser.getNanosToWaitForRefill());
            }
            ConsumptionProbe byTenant = bucket("tenant:" + tenant, tenantBudget).tryConsumeAndReturnRemaining(cost);
            if (!byTenant.isConsumed()) {
                userBucket.addTokens(cost);
                return wholeSeconds(byTenant.getNanosToWaitForRefill());
            }
            return 0;
        } catch (RuntimeException storeFailed) {
            LOG.warnf("Rate limit not applied, its store failed: %s", storeFailed.toString());
            return 0;
        }
    }

    /** Rows of buckets nobody has used since they refilled, removed in small batches (any replica may do it). */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpiredBuckets() {
        try {
            while (store.removeExpired(1_000) == 1_000) {
                // another batch
            }
        } catch (RuntimeException storeFailed) {
            LOG.warnf("Expired rate-limit buckets not removed: %s", storeFailed.toString());
        }
    }

    private BucketProxy bucket(String key, BucketConfiguration budget) {
        return buckets.computeIfAbsent(key, k -> store.builder().withOptimization(Optimizations.batching()).build(k, () -> budget));
    }

    private static BucketConfiguration budget(RateLimitConfig.Budget budget) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(budget.burst()).refillGreedy(budget.requestsPerMinute(), Duration.ofMinutes(1)))
                .build();
    }

    private static long wholeSeconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
