package dev.backlight.time.tenants;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.backlight.support.time.WorkWeek;

/** A tenant's settings as the other features read them: the calendar every day and week bucket follows. */
public record TenantProfile(String id, String name, String timeZone, String currency, DayOfWeek weekStart, long version) {

    static TenantProfile of(Tenant tenant) {
        return new TenantProfile(tenant.id, tenant.name, tenant.timeZone, tenant.currency, tenant.weekStart, tenant.version);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public WorkWeek workWeek() {
        return new WorkWeek(weekStart);
    }

    /** The day an instant counts for: its date in the tenant's zone at that instant (DST-correct). */
    public LocalDate workDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }
}
