package dev.backlight.support.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;
import dev.backlight.support.time.CalendarLimits;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly, so that what a client sends is either stored as sent or refused with a 400 naming
 * the field: a key given twice, a fraction for a whole number, a number for an instant, a NUL character (PostgreSQL
 * cannot store it) and dates outside {@link CalendarLimits} are all refused instead of being guessed at.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last of all customizers, after Quarkus has registered the Java time module, so these readers take precedence. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        SimpleModule module = new SimpleModule("backlight-strict-json");
        module.addDeserializer(String.class, new TextWithoutNul());
        module.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE, CalendarLimits::contains));
        module.addDeserializer(YearMonth.class, new Bounded<>(YearMonth.class, YearMonthDeserializer.INSTANCE, CalendarLimits::contains));
        module.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT, CalendarLimits::contains));
        module.addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME,
                time -> CalendarLimits.contains(time.toInstant())));
        mapper.registerModule(module);
    }

    /** Text as Jackson reads it, refused when it holds U+0000. */
    static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw new InvalidValue(parser, "must not contain the NUL character", text, String.class);
            }
            return text;
        }
    }

    /** A date-time value written as an ISO-8601 string (never a number) and inside the calendar limits. */
    static final class Bounded<T> extends StdScalarDeserializer<T> {

        private final transient JsonDeserializer<T> standard;
        private final transient Predicate<T> inRange;

        Bounded(Class<T> type, JsonDeserializer<T> standard, Predicate<T> inRange) {
            super(type);
            this.standard = standard;
            this.inRange = inRange;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            T value = standard.deserialize(parser, context);
            if (value != null && !inRange.test(value)) {
                throw new InvalidValue(parser, CalendarLimits.RULE, parser.getText(), handledType());
            }
            return value;
        }
    }
}
