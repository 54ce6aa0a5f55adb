package dev.backlight.support.upstream;

import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.ProcessingException;

import dev.backlight.support.tenancy.CurrentTenant;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Every read from one upstream service goes through here: a time limit per attempt, a few retries with jitter (reads
 * are idempotent), and a circuit breaker, so a dead upstream costs callers milliseconds instead of threads. Whatever
 * still fails comes out as {@link UpstreamUnavailable} naming the service.
 * <p>
 * Only infrastructure failures (the service cannot be reached, drops the connection or answers 5xx) are retried and
 * counted by the breaker. A read that runs past its time limit is answered as unavailable but neither retried (that
 * would multiply the load that made it slow) nor counted; and each tenant has a breaker of its own, so one tenant's
 * failing or heavy reports never shut the others out.
 */
public final class UpstreamGuard {

    private final String service;
    private final Duration timeout;
    private final int retries;
    private final Duration openFor;
    private final Supplier<String> tenant;
    private final Map<String, Guard> byTenant = new ConcurrentHashMap<>();

    /**
     * @param timeout     limit of one attempt
     * @param retries     attempts after the first, for infrastructure failures only
     * @param openFor     how long a tenant's breaker stays open once half of its last 10 calls failed
     */
    public UpstreamGuard(String service, Duration timeout, int retries, Duration openFor) {
        this(service, timeout, retries, openFor, CurrentTenant::idOrNone);
    }

    /** With the tenant of each read given by {@code tenant}. */
    UpstreamGuard(String service, Duration timeout, int retries, Duration openFor, Supplier<String> tenant) {
        this.tenant = tenant;
        this.service = service;
        this.timeout = timeout;
        this.retries = retries;
        this.openFor = openFor;
    }

    /** An idempotent read from the service; client errors (4xx) pass through untouched. */
    public <T> Uni<T> read(Supplier<Uni<T>> call) {
        Guard guard = byTenant.computeIfAbsent(tenant.get(), this::newGuard);
        return guard.get(call, new TypeLiteral<Uni<T>>() {
        }).onFailure(UpstreamGuard::isUnavailability).transform(this::unavailable);
    }

    private Guard newGuard(String tenant) {
        return Guard.create()
                .withDescription(service + " for " + tenant)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(retries).delay(200, ChronoUnit.MILLIS).jitter(100, ChronoUnit.MILLIS)
                        .whenException(UpstreamGuard::isInfrastructureFailure).done()
                .withCircuitBreaker().requestVolumeThreshold(10).failureRatio(0.5)
                        .delay(openFor.toMillis(), ChronoUnit.MILLIS).when(UpstreamGuard::isInfrastructureFailure).done()
                .build();
    }

    /** The service is not there or not well: it answered 5xx, or could not be reached, or dropped the connection. */
    static boolean isInfrastructureFailure(Throwable failure) {
        if (failure instanceof UpstreamUnavailable) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailability(Throwable failure) {
        return failure instanceof FaultToleranceException || failure instanceof ProcessingException
                || isInfrastructureFailure(failure);
    }

    private Throwable unavailable(Throwable failure) {
        return failure instanceof UpstreamUnavailable known && known.service().equals(service) ? known
                : new UpstreamUnavailable(service, failure);
    }
}
