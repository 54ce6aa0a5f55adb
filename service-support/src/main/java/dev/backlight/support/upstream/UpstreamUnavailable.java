package dev.backlight.support.upstream;

import jakarta.ws.rs.core.Response;

/**
 * Another Backlight service is down, slow or failing: it answered with a server error, could not be reached, timed
 * out, or its circuit breaker is open. The caller gets a 503 problem naming the service, with {@code Retry-After}.
 */
public class UpstreamUnavailable extends RuntimeException {

    private final String service;

    public UpstreamUnavailable(String service, int status) {
        super(service + " answered HTTP " + status);
        this.service = service;
    }

    public UpstreamUnavailable(String service, Throwable cause) {
        super(service + " is unavailable: " + cause, cause);
        this.service = service;
    }

    /**
     * For a REST client's {@code @ClientExceptionMapper}: a server error of {@code service} becomes this (retried, and
     * counted by the circuit breaker); anything else is left to the client's default handling (null).
     */
    public static UpstreamUnavailable ifServerError(String service, Response response) {
        return response.getStatus() >= 500 ? new UpstreamUnavailable(service, response.getStatus()) : null;
    }

    public String service() {
        return service;
    }
}
