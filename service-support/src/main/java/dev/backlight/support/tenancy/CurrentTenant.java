package dev.backlight.support.tenancy;

import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;

/**
 * The tenant of the request being served, for code that Hibernate instantiates rather than CDI. Outside a request,
 * or for a token without a tenant, it is {@link #NO_TENANT}, which matches no row.
 */
public final class CurrentTenant implements Supplier<String> {

    /** Contains characters that tenant ids may not, so it never matches a real tenant. */
    public static final String NO_TENANT = "<none>";

    /** Used by Hibernate as the tenant filter's parameter resolver. */
    @Override
    public String get() {
        return idOrNone();
    }

    public static String idOrNone() {
        if (!Arc.container().requestContext().isActive()) {
            return NO_TENANT;
        }
        try (InstanceHandle<Caller> caller = Arc.container().instance(Caller.class)) {
            return caller.get().tenantIdIfAny().orElse(NO_TENANT);
        }
    }
}
