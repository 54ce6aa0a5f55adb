package dev.backlight.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** Pages of a list, and reading a whole list back page by page. */
class ListPageTest {

    private static final List<Integer> SEVEN = IntStream.range(0, 7).boxed().toList();

    @Test
    void aPageHoldsItsSliceAndTheWholeCount() {
        assertEquals(new ListPage<>(List.of(3, 4, 5), 1, 3, 7), ListPage.of(SEVEN, PageRequest.of(1, 3)));
        assertEquals(new ListPage<>(List.of(6), 2, 3, 7), ListPage.of(SEVEN, PageRequest.of(2, 3)));
        assertEquals(new ListPage<>(List.of(), 5, 3, 7), ListPage.of(SEVEN, PageRequest.of(5, 3)));
    }

    @Test
    void aWholeListIsReadPageByPageUntilTheCountIsReached() {
        List<Integer> asked = new ArrayList<>();
        List<Integer> all = ListPage.readAll(page -> {
            asked.add(page);
            return Uni.createFrom().item(ListPage.of(SEVEN, PageRequest.of(page, 3)));
        }).await().indefinitely();

        assertEquals(SEVEN, all);
        assertEquals(List.of(0, 1, 2), asked);
    }

    @Test
    void anEmptyListIsOneRead() {
        List<Integer> asked = new ArrayList<>();
        List<Integer> all = ListPage.readAll(page -> {
            asked.add(page);
            return Uni.createFrom().item(ListPage.of(List.<Integer>of(), PageRequest.of(page, 3)));
        }).await().indefinitely();

        assertEquals(List.of(), all);
        assertEquals(List.of(0), asked);
    }
}
