package dev.backlight.support.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import dev.backlight.support.rest.ListPage;

/**
 * Writes a response as CSV when the caller asks for {@code text/csv}, so that one resource method serves a report
 * both ways: a {@link CsvExportable} report as its table, a list (or a page of one) as one row per item (through
 * {@link CsvRowSource} when the item is not flat itself). One writer per kind of response, because the framework
 * picks writers by the response's class before their media type.
 */
public final class CsvBodyWriter {

    private CsvBodyWriter() {
    }

    @Provider
    @Produces(Csv.MEDIA_TYPE)
    public static class Reports implements MessageBodyWriter<CsvExportable> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return true;
        }

        @Override
        public void writeTo(CsvExportable report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            write(report.csvTable(), out);
        }
    }

    @Provider
    @Produces(Csv.MEDIA_TYPE)
    public static class Lists implements MessageBodyWriter<List<?>> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return itemType(genericType) != null;
        }

        @Override
        public void writeTo(List<?> items, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            write(table(items, itemType(genericType)), out);
        }
    }

    @Provider
    @Produces(Csv.MEDIA_TYPE)
    public static class Pages implements MessageBodyWriter<ListPage<?>> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return itemType(genericType) != null;
        }

        @Override
        public void writeTo(ListPage<?> page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            write(table(page.items(), itemType(genericType)), out);
        }
    }

    private static void write(CsvTable table, OutputStream out) throws IOException {
        out.write(table.write().getBytes(StandardCharsets.UTF_8));
    }

    private static CsvTable table(List<?> items, Class<?> itemType) {
        Class<?> rowType = rowTypeOf(itemType);
        if (rowType == null) {
            return new CsvTable(itemType, items);
        }
        return new CsvTable(rowType, items.stream().map(item -> ((CsvRowSource<?>) item).csvRow()).toList());
    }

    /** The {@code R} of an item type that implements {@code CsvRowSource<R>}, or null. */
    private static Class<?> rowTypeOf(Class<?> itemType) {
        for (Type implemented : itemType.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType p && p.getRawType() == CsvRowSource.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> row) {
                return row;
            }
        }
        return null;
    }

    /**
     * The item class of a {@code List<X>} or {@code ListPage<X>}; the type given is the resource method's, so it may be
     * wrapped ({@code Uni<List<X>>}).
     */
    private static Class<?> itemType(Type type) {
        while (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[0];
            if (p.getRawType() == List.class || p.getRawType() == ListPage.class) {
                return argument instanceof Class<?> item ? item : null;
            }
            type = argument;
        }
        return null;
    }
}
