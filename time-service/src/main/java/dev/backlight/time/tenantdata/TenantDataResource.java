package dev.backlight.time.tenantdata;

import jakarta.ws.rs.Path;

import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.TenantData;
import dev.backlight.support.tenancy.TenantDataEndpoints;

/** Everything time-service keeps of a tenant (tenant, directory, time entries and rollups, timers, interruptions, timesheets, locks, imports), for export and deletion. */
@Path("/api/time/tenant-data")
public class TenantDataResource extends TenantDataEndpoints {

    TenantDataResource(TenantData data, Caller caller) {
        super(data, caller);
    }
}
