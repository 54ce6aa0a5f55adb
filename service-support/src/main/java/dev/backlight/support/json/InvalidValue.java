package dev.backlight.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A value of the right JSON type that breaks one of {@link StrictJson}'s rules; the message is the rule. */
public class InvalidValue extends InvalidFormatException {

    InvalidValue(JsonParser parser, String rule, Object value, Class<?> targetType) {
        super(parser, rule, value, targetType);
    }

    /** What the value must be, e.g. "must not contain the NUL character". */
    public String rule() {
        return getOriginalMessage();
    }
}
