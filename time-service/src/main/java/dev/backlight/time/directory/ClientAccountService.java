package dev.backlight.time.directory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A BPO tenant's client accounts. */
@ApplicationScoped
public class ClientAccountService {

    @Inject
    ClientAccountRepository clients;

    @WithSession
    public Uni<List<ClientAccount>> list(boolean includeInactive) {
        return clients.listOrdered(includeInactive);
    }

    @WithSession
    public Uni<ClientAccount> get(String code) {
        return find(code);
    }

    @WithTransaction
    public Uni<ClientAccount> create(String code, String name) {
        return clients.findByCode(code).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("client-exists", "Client account " + code + " already exists", "code", code);
            }
            ClientAccount client = new ClientAccount();
            client.code = code;
            client.name = name;
            client.active = true;
            return clients.persist(client);
        });
    }

    @WithTransaction
    public Uni<ClientAccount> update(String code, String name, boolean active, String ifMatch) {
        return find(code).invoke(client -> {
            Versions.checkIfMatch(ifMatch, client.version);
            client.name = name;
            client.active = active;
        });
    }

    private Uni<ClientAccount> find(String code) {
        return clients.findByCode(code).onItem().ifNull().failWith(() -> ApiException.notFound("client account", code));
    }
}
