package dev.backlight.metrics.tenantdata;

import jakarta.ws.rs.Path;

import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.TenantData;
import dev.backlight.support.tenancy.TenantDataEndpoints;

/** Everything metrics-service keeps of a tenant (outputs, quality events, benchmark overrides, process changes, workload settings, ownership, deadlines, holidays, objectives), for export and deletion. */
@Path("/api/metrics/tenant-data")
public class TenantDataResource extends TenantDataEndpoints {

    TenantDataResource(TenantData data, Caller caller) {
        super(data, caller);
    }
}
