package dev.backlight.time.directory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class ClientAccountRepository implements PanacheRepository<ClientAccount> {

    public Uni<ClientAccount> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<ClientAccount>> listOrdered(boolean includeInactive) {
        return includeInactive ? list("order by code") : list("active = true order by code");
    }
}
