package dev.backlight.time.tenants;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
class TenantRepository implements PanacheRepositoryBase<Tenant, String> {
}
