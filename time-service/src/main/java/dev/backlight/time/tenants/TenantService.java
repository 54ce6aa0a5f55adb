package dev.backlight.time.tenants;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.timesheets.OpenPeriods;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Tenants: provisioning by the platform, and each tenant's own profile and headcount history. */
@ApplicationScoped
public class TenantService {

    @Inject
    TenantRepository tenants;

    @Inject
    HeadcountRepository headcounts;

    @Inject
    OpenPeriods openPeriods;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public record TenantSettings(String name, String timeZone, String currency, DayOfWeek weekStart) {
    }

    /**
     * Creates a tenant with the standard functions catalog and its first headcount, in one transaction. The
     * platform administrator's session belongs to no tenant, so the new tenant's first rows are written with
     * explicit SQL naming that tenant: the one place where rows are written for a tenant other than the caller's.
     */
    @WithTransaction
    public Uni<TenantProfile> provision(String id, TenantSettings settings, int agents, int employees) {
        FieldChecks.zone("timeZone", settings.timeZone());
        String currency = FieldChecks.currency("currency", settings.currency());
        return tenants.findById(id).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("tenant-exists", "Tenant " + id + " already exists", "tenantId", id);
            }
            Tenant tenant = new Tenant();
            tenant.id = id;
            tenant.name = settings.name();
            tenant.timeZone = settings.timeZone();
            tenant.currency = currency;
            tenant.weekStart = settings.weekStart() == null ? DayOfWeek.MONDAY : settings.weekStart();
            tenant.createdAt = clock.instant();
            LocalDate firstOfMonth = LocalDate.ofInstant(tenant.createdAt, tenant.zone()).withDayOfMonth(1);
            Uni<Void> chain = tenants.persist(tenant).replaceWithVoid()
                    .chain(() -> insert("insert into timekeeping.headcount (tenant_id, effective_from, agents, employees) values (?1, ?2, ?3, ?4)",
                            id, firstOfMonth, agents, employees));
            for (FunctionCatalog.StandardFunction standard : FunctionCatalog.STANDARD) {
                chain = chain.chain(() -> insert("insert into timekeeping.work_function (tenant_id, code, name, output_unit, "
                                + "quality_check, productivity_metric, built_in) values (?1, ?2, ?3, ?4, ?5, ?6, true)",
                        id, standard.code(), standard.name(), standard.outputUnit(), standard.qualityCheck(),
                        standard.productivityMetric()));
            }
            return chain.replaceWith(() -> TenantProfile.of(tenant));
        });
    }

    private Uni<Void> insert(String sql, Object... parameters) {
        return tenants.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<List<TenantProfile>> listAll() {
        return tenants.listAll(Sort.by("id")).map(list -> list.stream().map(TenantProfile::of).toList());
    }

    /** The caller's tenant; a 404 when the platform has not provisioned it yet. */
    @WithSession
    public Uni<TenantProfile> current() {
        return find().map(TenantProfile::of);
    }

    private Uni<Tenant> find() {
        String id = caller.tenantId();
        return tenants.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("tenant", id));
    }

    @WithTransaction
    public Uni<TenantProfile> update(TenantSettings settings, String ifMatch) {
        FieldChecks.zone("timeZone", settings.timeZone());
        String currency = FieldChecks.currency("currency", settings.currency());
        return find().invoke(tenant -> Versions.checkIfMatch(ifMatch, tenant.version))
                .call(tenant -> settings.weekStart() == null || settings.weekStart() == tenant.weekStart
                ? Uni.createFrom().voidItem() : openPeriods.checkNoWeekFrozen()).invoke(tenant -> {
            tenant.name = settings.name();
            tenant.timeZone = settings.timeZone();
            tenant.currency = currency;
            if (settings.weekStart() != null) {
                tenant.weekStart = settings.weekStart();
            }
        }).call(() -> tenants.flush()).map(TenantProfile::of); // flushed first, so the profile carries the new version
    }


    @WithSession
    public Uni<Headcount> headcountOn(LocalDate day) {
        return headcounts.effectiveOn(day).onItem().ifNull()
                .failWith(() -> ApiException.notFound("headcount on", day));
    }

    @WithSession
    public Uni<List<Headcount>> headcountHistory() {
        return headcounts.history();
    }

    /** Sets the headcount from a date on; repeating the same call changes nothing (idempotent). */
    @WithTransaction
    public Uni<Headcount> setHeadcount(LocalDate effectiveFrom, int agents, int employees) {
        return current().chain(tenant -> headcounts.findByEffectiveFrom(effectiveFrom)).chain(existing -> {
            Headcount headcount = existing == null ? new Headcount() : existing;
            headcount.effectiveFrom = effectiveFrom;
            headcount.agents = agents;
            headcount.employees = employees;
            return existing == null ? headcounts.persist(headcount) : Uni.createFrom().item(headcount);
        });
    }
}
