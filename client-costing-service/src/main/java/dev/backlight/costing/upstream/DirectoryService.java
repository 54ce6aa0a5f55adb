package dev.backlight.costing.upstream;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.upstream.ReferenceCache;
import io.smallrye.mutiny.Uni;

/** Loads the {@link Directory} from time-service, with the caller's token. */
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
     * for checking the references of a record about to be written. Only managers and administrators write here, and
     * they all see the whole directory.
     */
    public <R> Uni<R> checked(Function<Directory, R> check) {
        return cache.checked(caller.tenantId(), "everyone", this::load, check);
    }

    /** The directory, read now. */
    public Uni<Directory> load() {
        return Uni.combine().all().unis(time.tenant(), time.employees(), time.clients()).with(Directory::of);
    }
}
