package dev.backlight.metrics.upstream;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

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
 * time-service's API as this service reads it, with the caller's own token, so time-service applies the caller's
 * tenant and roles. Only hours aggregates are read, never entry lists.
 */
@Path("/api/time")
@RegisterRestClient(configKey = "time-service")
@AccessToken
public interface TimeServiceClient {

    record HoursRow(LocalDate period, String functionCode, String clientCode, Long employeeId, String team, long seconds,
            long entries, Long personDays) {
    }

    record HoursReport(long totalSeconds, List<HoursRow> rows) {
    }

    record InterruptionRow(LocalDate day, Long employeeId, String kind, long count, long minutes) {
    }

    record Headcount(LocalDate effectiveFrom, int agents, int employees) {
    }

    record WorkFunction(String code, String name, String outputUnit, String qualityCheck, String productivityMetric,
            boolean builtIn, Instant retiredAt) {
    }

    record Employee(Long id, String name, String subject, String team, String timeZone, Set<DayOfWeek> workDays,
            LocalTime workStart, LocalTime workEnd, BigDecimal weeklyContractHours, boolean active) {
    }

    record TenantProfile(String id, String timeZone, DayOfWeek weekStart) {
    }

    record TimelineRow(Long employeeId, LocalDate workDate, String functionCode, String clientCode, Instant startedAt,
            Instant endedAt, String zone) {
    }

    record InterruptionMoment(Long employeeId, Instant occurredAt, String kind) {
    }

    record ClientAccount(String code, String name, boolean active) {
    }

    @GET
    @Path("/reports/hours")
    Uni<HoursReport> hours(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("groupBy") String groupBy, @QueryParam("bucket") String bucket,
            @QueryParam("functionCode") String functionCode, @QueryParam("personDays") Boolean personDays);

    @GET
    @Path("/reports/interruptions")
    Uni<List<InterruptionRow>> interruptions(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("employeeId") Long employeeId);

    @GET
    @Path("/reports/timeline")
    Uni<List<TimelineRow>> timeline(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("employeeId") Long employeeId);

    @GET
    @Path("/reports/interruption-moments")
    Uni<List<InterruptionMoment>> interruptionMoments(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("employeeId") Long employeeId);

    @GET
    @Path("/tenant")
    Uni<TenantProfile> tenant();

    @GET
    @Path("/tenant/headcount")
    Uni<ListPage<Headcount>> headcountHistory(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/functions")
    Uni<ListPage<WorkFunction>> functions(@QueryParam("includeRetired") boolean includeRetired, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/employees")
    Uni<ListPage<Employee>> employees(@QueryParam("includeInactive") boolean includeInactive, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/employees/me")
    Uni<Employee> me();

    @GET
    @Path("/clients")
    Uni<ListPage<ClientAccount>> clients(@QueryParam("includeInactive") boolean includeInactive, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** Server errors are retried and count towards the circuit breaker; client errors pass through as they are. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return UpstreamUnavailable.ifServerError("time-service", response);
    }
}
