package dev.backlight.support.problem;

/**
 * Another Backlight service answered with a server error. Fault-tolerance policies retry it and count it towards
 * their circuit breaker; if it still fails, the caller gets a 503 problem with {@code Retry-After}.
 */
public class UpstreamUnavailable extends RuntimeException {

    private final String service;

    public UpstreamUnavailable(String service, int status) {
        super(service + " answered HTTP " + status);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
