package dev.backlight.support.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: every list of stored records in the API answers this shape, so clients page them all alike.
 * Reports are not lists: their range limits bound them.
 */
public record ListPage<T>(
        @Schema(required = true, description = "The page's items, in the list's documented order") List<T> items,
        @Schema(required = true, description = "This page's number, from 0", example = "0") int page,
        @Schema(required = true, description = "The page size asked for", example = "100") int size,
        @Schema(required = true, description = "Items in the whole list", example = "132") long total) {

    /** The page {@code request} asks for of a list already held whole (the short lists: functions, locks, rates). */
    public static <T> ListPage<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min((long) request.page() * request.size(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new ListPage<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
    }

    /** The page {@code request} asks for of a query's results, with the count of all of them; in the caller's session. */
    public static <T> Uni<ListPage<T>> of(PanacheQuery<T> query, PageRequest request) {
        PanacheQuery<T> paged = query.page(request.panache());
        return paged.list().chain(items -> paged.count().map(total -> new ListPage<>(items, request.page(), request.size(), total)));
    }

    public <R> ListPage<R> map(Function<T, R> mapper) {
        return new ListPage<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Every item of a list read page by page with {@code read} (page number to page), one page after another. */
    public static <T> Uni<List<T>> readAll(IntFunction<Uni<ListPage<T>>> read) {
        return readFrom(0, read, new ArrayList<>());
    }

    private static <T> Uni<List<T>> readFrom(int page, IntFunction<Uni<ListPage<T>>> read, List<T> sofar) {
        return read.apply(page).chain(got -> {
            sofar.addAll(got.items());
            boolean more = !got.items().isEmpty() && (long) (page + 1) * got.size() < got.total();
            return more ? readFrom(page + 1, read, sofar) : Uni.createFrom().item(List.copyOf(sofar));
        });
    }
}
