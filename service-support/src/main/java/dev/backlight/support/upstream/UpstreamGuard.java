package dev.backlight.support.upstream;

import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * Every read from one upstream service goes through here: a time limit per attempt, a few retries with jitter (reads
 * are idempotent), and one circuit breaker for the whole service, so a dead upstream costs callers milliseconds
 * instead of threads. Whatever still fails comes out as {@link UpstreamUnavailable} naming the service.
 */
public final class UpstreamGuard {

    /** Failures that say the service is not there or not well: server errors, connection and I/O failures, time-outs. */
    private static final List<Class<? extends Throwable>> UNAVAILABILITY = List.of(UpstreamUnavailable.class,
            ProcessingException.class, IOException.class, org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class);

    private final String service;
    private final Guard guard;

    /**
     * @param timeout     limit of one attempt
     * @param retries     attempts after the first
     * @param openFor     how long the breaker stays open once half of the last 10 calls failed
     */
    public UpstreamGuard(String service, Duration timeout, int retries, Duration openFor) {
        this.service = service;
        this.guard = Guard.create()
                .withDescription(service)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(retries).delay(200, ChronoUnit.MILLIS).jitter(100, ChronoUnit.MILLIS)
                        .retryOn(UNAVAILABILITY).done()
                .withCircuitBreaker().name(service).requestVolumeThreshold(10).failureRatio(0.5)
                        .delay(openFor.toMillis(), ChronoUnit.MILLIS).failOn(UNAVAILABILITY).done()
                .build();
    }

    /** An idempotent read from the service; client errors (4xx) pass through untouched. */
    public <T> Uni<T> read(Supplier<Uni<T>> call) {
        return guard.get(call, new TypeLiteral<Uni<T>>() {
        }).onFailure(UpstreamGuard::isUnavailability).transform(this::unavailable);
    }

    private static boolean isUnavailability(Throwable failure) {
        return failure instanceof FaultToleranceException
                || UNAVAILABILITY.stream().anyMatch(kind -> kind.isInstance(failure));
    }

    private Throwable unavailable(Throwable failure) {
        return failure instanceof UpstreamUnavailable known && known.service().equals(service) ? known
                : new UpstreamUnavailable(service, failure);
    }
}
