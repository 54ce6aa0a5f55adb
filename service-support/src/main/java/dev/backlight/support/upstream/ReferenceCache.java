package dev.backlight.support.upstream;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;

/**
 * A tenant's reference data read from another service (functions, employees, client accounts), reused for a few
 * seconds so that a burst of writes does not re-read it for each one. A check that refuses a reference reads the data
 * afresh and checks once more, so something created a moment ago is never refused; what was retired or deactivated
 * in the last seconds may still pass (the cache's lifetime is {@code quarkus.cache.caffeine."upstream-reference".expire-after-write}).
 * Reports read afresh and do not use it.
 */
@ApplicationScoped
public class ReferenceCache {

    static final String NAME = "upstream-reference";

    /**
     * The value kept under (tenant, view), loaded by {@code load} when absent. {@code view} must name everything the
     * loaded value depends on besides the tenant, such as what the caller is allowed to see.
     */
    @CacheResult(cacheName = NAME)
    public <T> Uni<T> get(@CacheKey String tenant, @CacheKey String view, Supplier<Uni<T>> load) {
        return load.get();
    }

    @CacheInvalidate(cacheName = NAME)
    public Uni<Void> forget(@CacheKey String tenant, @CacheKey String view) {
        return Uni.createFrom().voidItem();
    }

    /** {@code check} applied to the kept value; if it refuses (a 4xx), applied once more to a fresh read. */
    public <T, R> Uni<R> checked(String tenant, String view, Supplier<Uni<T>> load, Function<T, R> check) {
        return get(tenant, view, load).map(check).onFailure(ApiException.class).recoverWithUni(
                refused -> forget(tenant, view).chain(() -> get(tenant, view, load)).map(check));
    }
}
