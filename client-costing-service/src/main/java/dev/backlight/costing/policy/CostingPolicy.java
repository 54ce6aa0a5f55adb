package dev.backlight.costing.policy;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.TenantScopedEntity;

/** A tenant's overtime rule, how shared hours are allocated, and its single-client baseline. */
@Entity
@Table(name = "costing_policy")
class CostingPolicy extends TenantScopedEntity {

    /** The seed's overtime rule: over 40 hours a week, at 1.5 times the rate. */
    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("40.00");
    public static final BigDecimal DEFAULT_MULTIPLIER = new BigDecimal("1.50");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "overtime_weekly_threshold")
    public BigDecimal overtimeWeeklyThreshold = DEFAULT_THRESHOLD;

    @Column(name = "overtime_multiplier")
    public BigDecimal overtimeMultiplier = DEFAULT_MULTIPLIER;

    @Enumerated(EnumType.STRING)
    public AllocationPolicy allocation = AllocationPolicy.NONE;

    /** Back-office hours a month a single-client operation of this size would need; the overhead ratio's base. */
    @Column(name = "single_client_baseline_hours")
    public BigDecimal singleClientBaselineHours;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** The policy of a tenant that never set one. */
    /** The version clients see: 0 for the defaults of a tenant that never set its policy. */
    public long revision() {
        return Versions.ofSettable(id != null, version);
    }

    public static CostingPolicy defaults() {
        return new CostingPolicy();
    }
}
