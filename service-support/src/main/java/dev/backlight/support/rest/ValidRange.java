package dev.backlight.support.rest;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A period that is not empty and spans at most {@link #max()} {@link #unit()}s; otherwise a 400 naming {@code to}.
 * Each operation states its own longest period.
 */
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, TYPE_USE})
@Constraint(validatedBy = ValidRangeValidator.class)
public @interface ValidRange {

    /** Ten years unless the operation takes less. */
    int max() default 3660;

    ChronoUnit unit() default ChronoUnit.DAYS;

    String message() default "is not a valid period";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
