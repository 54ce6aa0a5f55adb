package dev.backlight.time.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.time.domain.Tenant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, String> {
}
