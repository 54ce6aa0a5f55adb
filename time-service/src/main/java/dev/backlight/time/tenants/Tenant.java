package dev.backlight.time.tenants;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The registry of tenants (call centers and BPOs). Its id is the value of the tenant claim in their users' tokens;
 * it is the one table without a tenant column because each row is a tenant.
 */
@Entity
class Tenant extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "week_start")
    public DayOfWeek weekStart;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }


}
