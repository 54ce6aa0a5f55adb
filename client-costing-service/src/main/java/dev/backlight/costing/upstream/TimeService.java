package dev.backlight.costing.upstream;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.upstream.TimeServiceClient.ClientAccount;
import dev.backlight.costing.upstream.TimeServiceClient.Employee;
import dev.backlight.costing.upstream.TimeServiceClient.HoursReport;
import dev.backlight.costing.upstream.TimeServiceClient.Tenant;
import dev.backlight.support.upstream.UpstreamGuard;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads from time-service through one {@link UpstreamGuard}: time limit, retries and a shared circuit breaker. */
@ApplicationScoped
public class TimeService {

    private final TimeServiceClient client;
    private final UpstreamGuard guard;

    TimeService(@RestClient TimeServiceClient client,
            @ConfigProperty(name = "backlight.time-service.call-timeout", defaultValue = "PT5S") Duration timeout,
            @ConfigProperty(name = "backlight.upstream.retry-after-seconds", defaultValue = "10") int openSeconds) {
        this.client = client;
        this.guard = new UpstreamGuard("time-service", timeout, 2, Duration.ofSeconds(openSeconds));
    }

    public Uni<Tenant> tenant() {
        return guard.read(client::tenant);
    }

    /** Everyone, former employees included: their hours still cost what they cost. */
    public Uni<List<Employee>> employees() {
        return guard.read(() -> client.employees(true));
    }

    public Uni<List<ClientAccount>> clients() {
        return guard.read(() -> client.clients(true));
    }

    /** Hours in [from, to) per client and employee (shared hours have no client), summed over the whole range. */
    public Uni<HoursReport> hoursByClientAndEmployee(LocalDate from, LocalDate to) {
        return guard.read(() -> client.hours(from, to, "client,employee", "total"));
    }

    /** Hours in [from, to) per client and function. */
    public Uni<HoursReport> hoursByClientAndFunction(LocalDate from, LocalDate to) {
        return guard.read(() -> client.hours(from, to, "client,function", "total"));
    }

    /** Hours in [from, to) per employee and day, in the tenant's calendar. */
    public Uni<HoursReport> dailyHoursByEmployee(LocalDate from, LocalDate to) {
        return guard.read(() -> client.hours(from, to, "employee", "day"));
    }
}
