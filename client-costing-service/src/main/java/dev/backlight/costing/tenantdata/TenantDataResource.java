package dev.backlight.costing.tenantdata;

import jakarta.ws.rs.Path;

import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.TenantData;
import dev.backlight.support.tenancy.TenantDataEndpoints;

/** Everything client-costing-service keeps of a tenant (client months, labour rates, costing policy, process-fix options), for export and deletion. */
@Path("/api/costing/tenant-data")
public class TenantDataResource extends TenantDataEndpoints {

    TenantDataResource(TenantData data, Caller caller) {
        super(data, caller);
    }
}
