package dev.backlight.metrics.objectives;

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
import jakarta.persistence.Version;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** A SMART objective: specific (function and metric), measurable (target), time-bound (due date), owned. */
@Entity
@Table(name = "objective")
class Objective extends TenantScopedEntity {

    /** The figures an objective can be set on, each measured over two weeks from the function's figures. */
    public enum Metric {
        HOURS_PER_UNIT, QUALITY_ADJUSTED_HOURS_PER_UNIT,
        /** The function's own productivity metric from the seed's table. */
        PRODUCTIVITY,
        /** Rework: defects found per output unit. */
        DEFECTS_PER_UNIT, INTER_RATER_RELIABILITY, TURNAROUND_HOURS,
        /** Hours spent on the function per week. */
        HOURS_PER_WEEK
    }

    public enum Direction {
        /** The target is a ceiling: lower is better (time per unit, rework). */
        AT_MOST,
        /** The target is a floor: higher is better (inter-rater reliability). */
        AT_LEAST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @Column(name = "function_code")
    public String functionCode;

    @Enumerated(EnumType.STRING)
    public Metric metric;

    public BigDecimal target;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "owner_employee_id")
    public Long ownerEmployeeId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public int version;
}
