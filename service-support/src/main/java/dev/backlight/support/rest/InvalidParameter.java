package dev.backlight.support.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or path parameter whose text cannot be read as its type. A {@link jakarta.ws.rs.WebApplicationException},
 * so that the REST layer passes it on as it is instead of turning it into a bare 404.
 */
public class InvalidParameter extends BadRequestException {

    private final String parameter;
    private final String rule;

    public InvalidParameter(String parameter, String rule) {
        super(parameter + " " + rule);
        this.parameter = parameter;
        this.rule = rule;
    }

    public String parameter() {
        return parameter;
    }

    public String rule() {
        return rule;
    }
}
