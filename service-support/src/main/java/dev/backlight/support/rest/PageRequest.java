package dev.backlight.support.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import io.quarkus.panache.common.Page;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Which page of a list the caller wants: {@code page} from 0, {@code size} items, at most {@link Paging#MAX_SIZE}. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(Paging.MAX_PAGE)
    @Parameter(description = "Page number, from 0", example = "0")
    int page;

    @QueryParam("size")
    @DefaultValue("" + Paging.DEFAULT_SIZE)
    @Min(1)
    @Max(Paging.MAX_SIZE)
    @Parameter(description = "Items per page, at most " + Paging.MAX_SIZE, example = "100")
    int size = Paging.DEFAULT_SIZE;

    public PageRequest() {
    }

    private PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /** The same page for a Panache query. */
    public Page panache() {
        return Page.of(page, size);
    }
}
