package dev.backlight.support.upstream;

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

    public String service() {
        return service;
    }
}
