package dev.backlight.costing.upstream;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.upstream.UpstreamUnavailable;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of time-service's API this service reads, with the caller's own token so time-service applies the
 * caller's tenant and roles: the tenant's currency and week, the directory, and hours aggregates (never entry lists).
 */
@Path("/api/time")
@RegisterRestClient(configKey = "time-service")
@AccessToken
public interface TimeServiceClient {

    record Tenant(String id, String name, String timeZone, String currency, DayOfWeek weekStart) {
    }

    record Employee(Long id, String name, String team, boolean active) {
    }

    record ClientAccount(String code, String name, boolean active) {
    }

    record HoursRow(LocalDate period, String functionCode, String clientCode, Long employeeId, long seconds) {
    }

    record HoursReport(long totalSeconds, List<HoursRow> rows) {
    }

    @GET
    @Path("/tenant")
    Uni<Tenant> tenant();

    @GET
    @Path("/employees")
    Uni<ListPage<Employee>> employees(@QueryParam("includeInactive") boolean includeInactive, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/clients")
    Uni<ListPage<ClientAccount>> clients(@QueryParam("includeInactive") boolean includeInactive, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/reports/hours")
    Uni<HoursReport> hours(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("groupBy") String groupBy, @QueryParam("bucket") String bucket);

    /** Server errors are retried and count towards the circuit breaker; client errors pass through as they are. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return UpstreamUnavailable.ifServerError("time-service", response);
    }
}
