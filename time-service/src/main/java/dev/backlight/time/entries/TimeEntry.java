package dev.backlight.time.entries;

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

/**
 * Time an employee spent on a function, optionally for a client account: either timed, the interval
 * [startedAt, endedAt) captured in {@code zone}, or manual, a {@code workDate} and a duration. A running timer has
 * no end and no duration yet.
 */
@Entity
@Table(name = "time_entry")
class TimeEntry extends TenantScopedEntity {

    /** Why an entry needs a person to look at it. */
    public static final String TIMER_OVER_LIMIT = "TIMER_OVER_LIMIT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "employee_id")
    public Long employeeId;

    @Column(name = "function_id")
    public Long functionId;

    @Column(name = "client_account_id")
    public Long clientAccountId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public String zone;

    /** The day the entry counts for: its start's date in the tenant's zone at that instant, or the manual date. */
    @Column(name = "work_date")
    public LocalDate workDate;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Enumerated(EnumType.STRING)
    public EntrySource source;

    public String notes;

    /** The caller's own id for the entry, which makes retried creates and re-run imports idempotent. */
    @Column(name = "external_ref")
    public String externalRef;

    /** Set when the entry needs review, e.g. a timer that ran past the 24 h limit and was closed there. */
    @Column(name = "review_reason")
    public String reviewReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public boolean timed() {
        return startedAt != null;
    }

    public boolean running() {
        return startedAt != null && endedAt == null;
    }
}
