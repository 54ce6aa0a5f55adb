package dev.backlight.support.rest;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link Span} against its {@link ValidRange}; a violation names the period's {@code to}. */
public class ValidRangeValidator implements ConstraintValidator<ValidRange, Span> {

    private ValidRange range;

    @Override
    public void initialize(ValidRange range) {
        this.range = range;
    }

    @Override
    public boolean isValid(Span span, ConstraintValidatorContext context) {
        if (span == null || span.start() == null || span.end() == null) {
            return true; // @NotNull on the fields reports what is missing
        }
        int max = span.tighterLimit() > 0 ? Math.min(span.tighterLimit(), range.max()) : range.max();
        String problem = null;
        if (!span.end().isAfter(span.start())) {
            problem = "must be after from";
        } else if (span.end().isAfter(span.start().plus(max, range.unit()))) {
            problem = "must be at most " + max + " " + range.unit().toString().toLowerCase() + " after from";
        }
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addPropertyNode("to").addConstraintViolation();
        return false;
    }
}
