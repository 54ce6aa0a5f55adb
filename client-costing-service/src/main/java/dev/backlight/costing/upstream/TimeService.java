package dev.backlight.costing.upstream;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.upstream.TimeServiceClient.ClientAccount;
import dev.backlight.costing.upstream.TimeServiceClient.Employee;
import dev.backlight.costing.upstream.TimeServiceClient.HoursReport;
import dev.backlight.costing.upstream.TimeServiceClient.Tenant;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.Paging;
import dev.backlight.support.upstream.UpstreamGuard;
import dev.backlight.support.upstream.UpstreamGuards;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads from time-service through one {@link UpstreamGuard}: time limit, retries and a shared circuit breaker. */
@ApplicationScoped
public class TimeService {

    private final TimeServiceClient client;
    private final UpstreamGuard guard;

    TimeService(@RestClient TimeServiceClient client, UpstreamGuards guards) {
        this.client = client;
        this.guard = guards.guardFor("time-service");
    }

    public Uni<Tenant> tenant() {
        return guard.read(client::tenant);
    }

    /** Everyone, former employees included: their hours still cost what they cost. */
    public Uni<List<Employee>> employees() {
        return ListPage.readAll(page -> guard.read(() -> client.employees(true, page, Paging.MAX_SIZE)));
    }

    public Uni<List<ClientAccount>> clients() {
        return ListPage.readAll(page -> guard.read(() -> client.clients(true, page, Paging.MAX_SIZE)));
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
