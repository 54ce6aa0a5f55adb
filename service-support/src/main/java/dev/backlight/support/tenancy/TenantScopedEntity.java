package dev.backlight.support.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

import dev.backlight.support.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * Base of every entity that belongs to a tenant. The tenant comes from the caller's token only:
 * <ul>
 * <li>an always-on Hibernate filter adds {@code tenant_id = <caller's tenant>} to every query and every load by
 * id, so no query can forget it and another tenant's object is simply not found;</li>
 * <li>the tenant is stamped on insert and can never be updated.</li>
 * </ul>
 * (Hibernate's own {@code @TenantId} needs a per-tenant connection pool in Hibernate Reactive on Quarkus, which a
 * single shared database does not have; this filter gives the same guarantee.)
 */
@MappedSuperclass
@FilterDef(name = TenantScopedEntity.TENANT_FILTER, defaultCondition = "tenant_id = :tenantId",
        autoEnabled = true, applyToLoadByKey = true,
        parameters = @ParamDef(name = "tenantId", type = String.class, resolver = CurrentTenant.class))
@Filter(name = TenantScopedEntity.TENANT_FILTER)
public abstract class TenantScopedEntity extends PanacheEntityBase {

    public static final String TENANT_FILTER = "tenant";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @PrePersist
    void stampTenant() {
        String tenant = CurrentTenant.idOrNone();
        if (CurrentTenant.NO_TENANT.equals(tenant)) {
            throw ApiException.forbidden("Only a user of a tenant can create its data");
        }
        tenantId = tenant;
    }
}
