package dev.backlight.metrics.review.process;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** A process added to or removed from a function; an added one names what it replaces or simplifies, if anything. */
@Entity
@Table(name = "process_change")
class ProcessChange extends TenantScopedEntity {

    public enum Change {
        ADDED, REMOVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "function_code")
    public String functionCode;

    public String name;

    @Enumerated(EnumType.STRING)
    public Change change;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    /** What an added process replaces or simplifies; null when it replaces nothing and so adds workload. */
    public String replaces;

    /** Estimated hours a month the process adds (or, removed, frees). */
    @Column(name = "hours_per_month")
    public BigDecimal hoursPerMonth;

    public String note;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    boolean addsWorkloadWithoutSimplification() {
        return change == Change.ADDED && (replaces == null || replaces.isBlank());
    }
}
