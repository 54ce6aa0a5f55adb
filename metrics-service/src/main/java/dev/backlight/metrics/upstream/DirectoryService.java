package dev.backlight.metrics.upstream;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.Roles;
import dev.backlight.support.upstream.ReferenceCache;
import io.smallrye.mutiny.Uni;

/** Loads the {@link Directory} a request checks its references against. */
@ApplicationScoped
public class DirectoryService {

    private final TimeService time;
    private final Caller caller;
    private final ReferenceCache cache;

    DirectoryService(TimeService time, Caller caller, ReferenceCache cache) {
        this.time = time;
        this.caller = caller;
        this.cache = cache;
    }

    /**
     * {@code check} applied to the tenant's directory as read a few seconds ago, or to a fresh read when that refuses:
     * for checking the references of a record about to be written.
     */
    public <R> Uni<R> checked(Function<Directory, R> check) {
        String view = seesEveryone() ? "everyone" : "self:" + caller.subject();
        return cache.checked(caller.tenantId(), view, this::load, check);
    }

    /**
     * The tenant's directory, read now. Staff cannot list employees, so for them it holds only themselves, which also keeps
     * them to recording their own work.
     */
    public Uni<Directory> load() {
        var employees = seesEveryone()
                ? time.employees()
                : time.me().onFailure(DirectoryService::isNotFound)
                        .transform(e -> ApiException.forbidden("You have no employee profile in this tenant to record work for"))
                        .map(List::of);
        return Uni.combine().all().unis(time.functions(), employees, time.clients()).with(Directory::of);
    }

    private boolean seesEveryone() {
        return caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST);
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
