package dev.backlight.support.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import dev.backlight.support.time.CalendarLimits;
import dev.backlight.support.time.Quarter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reads query and path parameters strictly: a value that is not of the parameter's type, a date outside
 * {@link CalendarLimits}, a number out of range or text holding NUL answers 400 naming the parameter (the JAX-RS
 * default is a bare 404, as if the resource did not exist).
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Map<Class<?>, Reading<?>> READINGS = Map.of(
            LocalDate.class, new Reading<>(LocalDate::parse, CalendarLimits::contains, "a date (YYYY-MM-DD)"),
            YearMonth.class, new Reading<>(YearMonth::parse, CalendarLimits::contains, "a month (YYYY-MM)"),
            Quarter.class, new Reading<>(Quarter::parse, quarter -> CalendarLimits.contains(quarter.firstMonth()), "a quarter (YYYY-Qn)"),
            Instant.class, new Reading<>(Instant::parse, CalendarLimits::contains, "an instant (ISO-8601, UTC)"),
            Long.class, new Reading<>(Long::valueOf, any -> true, "a whole number"),
            Integer.class, new Reading<>(Integer::valueOf, any -> true, "a whole number"),
            Boolean.class, new Reading<>(StrictParameters::bool, any -> true, "true or false"),
            String.class, new Reading<>(text -> text, text -> text.indexOf('\0') < 0, "text"));

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(rawType, name);
        }
        if (rawType == Choices.class && genericType instanceof ParameterizedType choices
                && choices.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            return (ParamConverter<T>) new ChoicesConverter(new EnumConverter(element, name));
        }
        Reading<T> reading = (Reading<T>) READINGS.get(boxed(rawType));
        return reading == null ? null : new Converter<>(reading, name);
    }

    private record Reading<T>(Function<String, T> parse, Predicate<T> inRange, String expected) {
    }

    private record Converter<T>(Reading<T> reading, String name) implements ParamConverter<T> {

        @Override
        public T fromString(String text) {
            if (text == null) {
                return null;
            }
            T value;
            try {
                value = reading.parse().apply(text.trim());
            } catch (DateTimeParseException | IllegalArgumentException unreadable) {
                throw new InvalidParameter(name, "must be " + reading.expected() + ", not '" + text + "'");
            }
            if (!reading.inRange().test(value)) {
                throw new InvalidParameter(name, value instanceof String ? "must not contain the NUL character" : CalendarLimits.RULE);
            }
            return value;
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String name) implements ParamConverter<E> {

        @Override
        public E fromString(String text) {
            if (text == null) {
                return null;
            }
            // Either case: the API documents values in capitals, and some of its users write them as they read them.
            return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equalsIgnoreCase(text.trim())).findFirst()
                    .orElseThrow(() -> new InvalidParameter(name, "must be one of " + Arrays.toString(type.getEnumConstants())
                            + ", not '" + text + "'"));
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    private record ChoicesConverter<E extends Enum<E>>(EnumConverter<E> each) implements ParamConverter<Choices<E>> {

        @Override
        public Choices<E> fromString(String text) {
            if (text == null) {
                return null;
            }
            Set<E> values = EnumSet.noneOf(each.type());
            for (String part : text.split(",")) {
                if (!part.isBlank() && !part.trim().equalsIgnoreCase("none")) {
                    values.add(each.fromString(part));
                }
            }
            return new Choices<>(values);
        }

        @Override
        public String toString(Choices<E> value) {
            return value == null ? null : String.join(",", value.values().stream().map(Enum::name).sorted().toList());
        }
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(text);
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        return type == boolean.class ? Boolean.class : type;
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                String name = "";
                if (annotation instanceof QueryParam query) {
                    name = query.value();
                } else if (annotation instanceof PathParam path) {
                    name = path.value();
                } else if (annotation instanceof RestQuery query) {
                    name = query.value();
                } else if (annotation instanceof RestPath path) {
                    name = path.value();
                }
                if (!name.isEmpty()) {
                    return name;
                }
            }
        }
        return "parameter";
    }
}
