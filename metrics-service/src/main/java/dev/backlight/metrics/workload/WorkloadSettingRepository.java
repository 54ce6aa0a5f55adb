package dev.backlight.metrics.workload;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class WorkloadSettingRepository implements PanacheRepository<WorkloadSetting> {

    /** The tenant's settings, or the seed's when it never set any. */
    public Uni<WorkloadSetting> current() {
        return findAll().firstResult().map(found -> found != null ? found : new WorkloadSetting());
    }

    /** The stored settings (null when none), locked against a parallel first write. */
    public Uni<WorkloadSetting> lockAndFind() {
        return getSession().chain(session -> KeyLock.acquire(session, "workload_setting", "settings"))
                .chain(() -> findAll().firstResult());
    }
}
