package dev.backlight.metrics.workload;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.TenantScopedEntity;

/** A tenant's settings for the workload analysis; absent, the seed's figures apply. */
@Entity
@Table(name = "workload_setting")
class WorkloadSetting extends TenantScopedEntity {

    /** The seed: "each interruption costs 10-15 minutes of context-switching time". */
    public static final int SEED_SWITCH_MINUTES_LOW = 10;
    public static final int SEED_SWITCH_MINUTES_HIGH = 15;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "context_switch_minutes_low")
    public int contextSwitchMinutesLow = SEED_SWITCH_MINUTES_LOW;

    @Column(name = "context_switch_minutes_high")
    public int contextSwitchMinutesHigh = SEED_SWITCH_MINUTES_HIGH;

    /** Uninterrupted stretches shorter than this count as fragmented time. */
    @Column(name = "short_block_minutes")
    public int shortBlockMinutes = 30;

    /** A week counts as over the threshold above this share of the contracted hours. */
    @Column(name = "over_contract_percent")
    public int overContractPercent = 110;

    /** More work outside working hours in a week than this is flagged. */
    @Column(name = "after_hours_minutes_per_week")
    public int afterHoursMinutesPerWeek = 120;

    /** This many weeks over the threshold in a row is a sustained overload. */
    @Column(name = "overload_streak_weeks")
    public int overloadStreakWeeks = 3;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** The version clients see: 0 while the tenant has none of its own, so a first write can be conditional too. */
    public long revision() {
        return Versions.ofSettable(id != null, version);
    }
}
