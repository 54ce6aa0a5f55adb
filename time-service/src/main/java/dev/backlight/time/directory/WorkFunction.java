package dev.backlight.time.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.backlight.support.tenancy.TenantScopedEntity;

/**
 * A back-office function time is logged against (schedule building, payroll, ...). The code is stable and is how
 * other services and BI tools refer to it; the name can change. Retired functions take no new time but keep
 * their history.
 */
@Entity
@jakarta.persistence.Table(name = "work_function")
class WorkFunction extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    @Column(name = "output_unit")
    public String outputUnit;

    @Column(name = "quality_check")
    public String qualityCheck;

    @Column(name = "productivity_metric")
    public String productivityMetric;

    /** Seeded from the standard catalog rather than added by the tenant. */
    @Column(name = "built_in")
    public boolean builtIn;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    public long version;

    public boolean retired() {
        return retiredAt != null;
    }
}
