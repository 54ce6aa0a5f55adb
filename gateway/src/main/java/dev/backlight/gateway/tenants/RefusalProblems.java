package dev.backlight.gateway.tenants;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.backlight.gateway.routing.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The gateway's own operations refuse as the services do: problem details naming why. */
public class RefusalProblems {

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your role does not allow this operation", uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", "A valid bearer token is required", uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return problem(406, "not-acceptable", "Not acceptable", "This operation answers in another media type than the Accept "
                + "header asks for; see the API document", uri);
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.about(type, title, status, detail, null, uri.getPath()).toString()).build();
    }
}
