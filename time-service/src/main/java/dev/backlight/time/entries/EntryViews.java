package dev.backlight.time.entries;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.time.directory.CatalogService;
import io.smallrye.mutiny.Uni;

/** Entries as the API shows them, with their function and client codes: what services hand to resources. */
@ApplicationScoped
public class EntryViews {

    private final CatalogService catalogService;

    EntryViews(CatalogService catalogService) {
        this.catalogService = catalogService;
    }

    /** The entry's view, or null for none; in the caller's session. */
    public Uni<TimeEntryView> of(TimeEntry entry) {
        return entry == null ? Uni.createFrom().nullItem() : catalogService.load().map(catalog -> TimeEntryView.of(entry, catalog));
    }

    /** The entries' views, in their order; in the caller's session. */
    public Uni<List<TimeEntryView>> of(List<TimeEntry> list) {
        return list.isEmpty() ? Uni.createFrom().item(List.of())
                : catalogService.load().map(catalog -> list.stream().map(entry -> TimeEntryView.of(entry, catalog)).toList());
    }
}
