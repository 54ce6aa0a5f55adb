package dev.backlight.support.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts {@code ETag: "<version>"} on every answer that is one {@link Versioned} object. */
public class VersionTags {

    @ServerResponseFilter
    public void tag(ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned versioned && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, Versions.etag(versioned.version()));
        }
    }
}
