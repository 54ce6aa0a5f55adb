package dev.backlight.support.tenancy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import dev.backlight.support.problem.ApiException;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Heavy reads (reports over many rows) run at most {@code limit} at a time per tenant, with a few more waiting; beyond
 * that the tenant is told to retry (429). The rate limit bounds how often a tenant may ask; this bounds how much of the
 * database and CPU its requests hold at once, so a tenant hammering its largest report leaves the others their share.
 */
public final class TenantBulkhead {

    private final int limit;
    private final int waiting;
    private final ThreadContext requestContext;
    private final Supplier<String> tenant;
    private final Map<String, Guard> byTenant = new ConcurrentHashMap<>();

    /** @param requestContext carries the caller's request (its identity, its tenant) to work that had to wait */
    public TenantBulkhead(int limit, int waiting, ThreadContext requestContext) {
        this(limit, waiting, requestContext, CurrentTenant::idOrNone);
    }

    TenantBulkhead(int limit, int waiting, ThreadContext requestContext, Supplier<String> tenant) {
        this.limit = limit;
        this.waiting = waiting;
        this.requestContext = requestContext;
        this.tenant = tenant;
    }

    /**
     * Runs {@code work} when the tenant has a place free. Work that waited for one starts as if it had not: on the
     * caller's Vert.x context (where its database session lives) and within its request (who is asking, for which
     * tenant), not on the thread of the work that freed the place.
     */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        Guard guard = byTenant.computeIfAbsent(tenant.get(), id -> Guard.create().withDescription("heavy reads of " + id)
                .withBulkhead().limit(limit).queueSize(waiting).done().build());
        Context caller = Vertx.currentContext();
        Supplier<Uni<T>> withinRequest = requestContext.contextualSupplier(work);
        Supplier<Uni<T>> onCallersContext = caller == null ? withinRequest
                : () -> Uni.createFrom().<T>deferred(withinRequest::get)
                        .runSubscriptionOn(task -> caller.runOnContext(ignored -> task.run()));
        return guard.get(onCallersContext, new TypeLiteral<Uni<T>>() {
        }).onFailure(BulkheadException.class).transform(full -> ApiException.tenantBusy("Your organisation already runs "
                + limit + " large reports at once, with " + waiting + " more waiting; try again in a few seconds", 2));
    }
}
