package dev.backlight.support.rest;

/** The limits every paged list shares. */
public final class Paging {

    /**
     * The last page number a list serves. With at most 1,000 items a page that reaches 100 million items, far past any
     * tenant's data, while the offset still fits the database's integer arithmetic.
     */
    public static final int MAX_PAGE = 100_000;

    /** Items a page holds unless the caller asks for another size. */
    public static final int DEFAULT_SIZE = 100;

    /** The most items one page holds. */
    public static final int MAX_SIZE = 1000;

    private Paging() {
    }
}
