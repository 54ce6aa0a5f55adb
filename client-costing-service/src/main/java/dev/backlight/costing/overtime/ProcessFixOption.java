package dev.backlight.costing.overtime;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.backlight.support.tenancy.TenantScopedEntity;

/**
 * A way to fix a process instead of paying for it in overtime: scheduling software at a monthly cost that saves N
 * hours a week, automated time tracking at a cost per user per month that saves M hours a week.
 */
@Entity
@Table(name = "process_fix_option")
class ProcessFixOption extends TenantScopedEntity {

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "function_code")
    public String functionCode;

    @Column(name = "monthly_cost")
    public BigDecimal monthlyCost;

    @Column(name = "cost_per_user_month")
    public BigDecimal costPerUserMonth;

    public Integer users;

    @Column(name = "setup_cost")
    public BigDecimal setupCost = BigDecimal.ZERO;

    @Column(name = "hours_saved_per_week")
    public BigDecimal hoursSavedPerWeek;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** What it costs a month, flat or per user. */
    public BigDecimal costPerMonth() {
        return monthlyCost != null ? monthlyCost : costPerUserMonth.multiply(BigDecimal.valueOf(users));
    }

    /** Its running cost over a year, set-up cost excluded. */
    public BigDecimal costPerYear() {
        return costPerMonth().multiply(MONTHS);
    }
}
