package dev.backlight.costing.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.client.TimeService;
import io.smallrye.mutiny.Uni;

/** Loads the {@link Directory} from time-service, with the caller's token. */
@ApplicationScoped
class DirectoryService {

    private final TimeService time;

    DirectoryService(TimeService time) {
        this.time = time;
    }

    Uni<Directory> load() {
        return Uni.combine().all().unis(time.tenant(), time.employees(), time.clients()).with(Directory::of);
    }
}
