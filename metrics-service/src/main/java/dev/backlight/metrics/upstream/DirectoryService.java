package dev.backlight.metrics.upstream;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/** Loads the {@link Directory} a request checks its references against. */
@ApplicationScoped
public class DirectoryService {

    private final TimeService time;
    private final Caller caller;

    DirectoryService(TimeService time, Caller caller) {
        this.time = time;
        this.caller = caller;
    }

    /**
     * The tenant's directory. Staff cannot list employees, so for them it holds only themselves, which also keeps
     * them to recording their own work.
     */
    public Uni<Directory> load() {
        var employees = caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST)
                ? time.employees()
                : time.me().onFailure(DirectoryService::isNotFound)
                        .transform(e -> ApiException.forbidden("You have no employee profile in this tenant to record work for"))
                        .map(List::of);
        return Uni.combine().all().unis(time.functions(), employees, time.clients()).with(Directory::of);
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
