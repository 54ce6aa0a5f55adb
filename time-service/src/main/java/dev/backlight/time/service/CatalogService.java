package dev.backlight.time.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.time.repository.ClientAccountRepository;
import dev.backlight.time.repository.WorkFunctionRepository;
import io.smallrye.mutiny.Uni;

/** Loads the tenant's {@link Catalog} in the current session (two small queries). */
@ApplicationScoped
public class CatalogService {

    @Inject
    WorkFunctionRepository functions;

    @Inject
    ClientAccountRepository clients;

    public Uni<Catalog> load() {
        return functions.listAll().chain(fs -> clients.listAll().map(cs -> Catalog.of(fs, cs)));
    }
}
