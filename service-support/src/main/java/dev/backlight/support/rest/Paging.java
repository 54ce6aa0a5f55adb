package dev.backlight.support.rest;

/** The limits every paged list shares. */
public final class Paging {

    /**
     * The last page number a list serves. With at most 1,000 items a page that reaches 100 million items, far past any
     * tenant's data, while the offset still fits the database's integer arithmetic.
     */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }
}
