package dev.backlight.time.directory;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** A back-office employee, linked to the identity-provider subject they log in as. */
@Entity
class Employee extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String email;

    /** The "sub" claim of this employee's tokens; null until they have a login. */
    public String subject;

    /** A user name linked by an administrator and waiting for its first sign-in, which sets the subject. */
    @Column(name = "login_username")
    public String loginUsername;

    public String team;

    @Column(name = "time_zone")
    public String timeZone;

    /** Comma-separated days of week, e.g. "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY". */
    @Column(name = "work_days")
    public String workDays;

    @Column(name = "work_start")
    public LocalTime workStart;

    @Column(name = "work_end")
    public LocalTime workEnd;

    @Column(name = "weekly_contract_hours")
    public BigDecimal weeklyContractHours;

    public boolean active;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    public Set<DayOfWeek> workDaySet() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : workDays.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day.trim()));
            }
        }
        return days;
    }

    public void workDaySet(Set<DayOfWeek> days) {
        this.workDays = days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }
}
