package dev.backlight.support.persistence;

import dev.backlight.support.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Serialises, until the end of the current transaction, every writer of one key (an idempotency key, or the object an
 * upsert targets): a retry racing the original waits for it, then finds its row instead of inserting a second one or
 * failing on a unique index. A PostgreSQL transaction-scoped advisory lock; call it inside a transaction. Keys are the
 * caller's tenant's own, so tenants never wait on each other's equal keys.
 */
public final class KeyLock {

    private KeyLock() {
    }

    /** Locks {@code key} of {@code kind} (e.g. an output's external reference) for the current tenant. */
    public static Uni<Void> acquire(Mutiny.Session session, String kind, String key) {
        return session.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked", Integer.class)
                .setParameter("key", kind + ":" + CurrentTenant.idOrNone() + ":" + key)
                .getSingleResult()
                .replaceWithVoid();
    }
}
