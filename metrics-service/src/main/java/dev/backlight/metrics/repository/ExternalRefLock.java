package dev.backlight.metrics.repository;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Serialises, until the end of the current transaction, the writers of one idempotency key: a retry racing the
 * original waits for it, then finds its record instead of inserting a second one (or failing on the unique index).
 */
final class ExternalRefLock {

    private ExternalRefLock() {
    }

    static Uni<Void> acquire(Mutiny.Session session, String table, String externalRef) {
        return session.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) locked", Integer.class)
                .setParameter("key", table + ":" + externalRef)
                .getSingleResult()
                .replaceWithVoid();
    }
}
