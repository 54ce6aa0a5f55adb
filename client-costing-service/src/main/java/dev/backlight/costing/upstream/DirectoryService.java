package dev.backlight.costing.upstream;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Loads the {@link Directory} from time-service, with the caller's token. */
@ApplicationScoped
public class DirectoryService {

    private final TimeService time;

    DirectoryService(TimeService time) {
        this.time = time;
    }

    public Uni<Directory> load() {
        return Uni.combine().all().unis(time.tenant(), time.employees(), time.clients()).with(Directory::of);
    }
}
