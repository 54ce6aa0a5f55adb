package dev.backlight.gateway.routing;

import java.net.ConnectException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.backlight.gateway.ratelimit.RateLimiter;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Routes each service's path prefix to it with Vert.x HTTP Proxy, streaming bodies both ways. In front of every
 * request: a request id (the caller's, or a new one) sent to the service and back to the caller, and the tenant's rate
 * and user's rate limits (a request that would exceed either gets a 429). Only authenticated callers pass (Quarkus
 * verified the token before any route); the services verify it again.
 */
@ApplicationScoped
public class ProxyRoutes {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final GatewayConfig config;
    private final RateLimiter rateLimiter;
    private final String tenantClaim;

    ProxyRoutes(GatewayConfig config, RateLimiter rateLimiter,
            @ConfigProperty(name = "backlight.tenant-claim", defaultValue = "tenant") String tenantClaim) {
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.tenantClaim = tenantClaim;
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(50));
        config.services().forEach((name, service) -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, http) -> http.request(new RequestOptions()
                            .setHost(service.url().getHost()).setPort(service.url().getPort())
                            .setIdleTimeout((service.streams(request.path()) ? config.streamedTimeout() : config.timeout()).toMillis())))
                    .addInterceptor(new UnavailableService(name, config.retryAfterSeconds()));
            router.route(service.prefix() + "/*").handler(context -> forward(context, vertx, proxy, name, service));
            router.route(service.prefix()).handler(context -> forward(context, vertx, proxy, name, service));
        });
    }

    private void forward(RoutingContext context, Vertx vertx, HttpProxy proxy, String service, GatewayConfig.Service limits) {
        String requestId = context.request().getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            requestId = UUID.randomUUID().toString();
            context.request().headers().set(REQUEST_ID, requestId);
        }
        context.response().putHeader(REQUEST_ID, requestId);
        if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()) {
            EdgeProblems.sendUnauthorized(context);
            return;
        }
        if (!rateLimiter.enabled()) {
            forwardWithinLimits(context, proxy, service, limits);
            return;
        }
        // The body waits (paused) while the shared budgets are checked on a worker thread: they are in PostgreSQL.
        context.request().pause();
        String tenant = tenantOf(user);
        String caller = user.getSecurityIdentity().getPrincipal().getName();
        int cost = rateLimiter.costOf(context.request().path());
        vertx.executeBlocking(() -> rateLimiter.secondsToWait(tenant, caller, cost), false).onComplete(waited -> {
            long wait = waited.succeeded() ? waited.result() : 0;
            if (wait > 0) {
                context.request().resume();
                context.response().putHeader("Retry-After", String.valueOf(wait));
                Problems.send(context.response(), 429, Problems.rateLimited(cost, wait, context.request().path()));
                return;
            }
            forwardWithinLimits(context, proxy, service, limits);
        });
    }

    private void forwardWithinLimits(RoutingContext context, HttpProxy proxy, String service, GatewayConfig.Service limits) {
        long maxBody = limits.maxBodySizeOf(context.request().path());
        Long declared = declaredLength(context);
        if (declared != null && declared > maxBody) {
            // Refused before a byte of it is read; the connection closes so the unread body is never consumed.
            context.response().putHeader("Connection", "close").endHandler(ignored -> context.request().connection().close());
            Problems.send(context.response(), 413, Problems.about("payload-too-large", "Payload too large", 413,
                    "The request body is " + declared + " bytes; " + service + " takes at most " + maxBody + " bytes",
                    service, context.request().path(), "body", "must be at most " + maxBody + " bytes"));
            return;
        }
        proxy.handle(context.request());
    }

    private static Long declaredLength(RoutingContext context) {
        String header = context.request().getHeader("Content-Length");
        try {
            return header == null ? null : Long.parseLong(header.trim());
        } catch (NumberFormatException malformed) {
            return null; // the HTTP codec refuses it before any route runs
        }
    }

    /** Platform administrators belong to no tenant: they share one budget of their own. */
    private String tenantOf(QuarkusHttpUser user) {
        String tenant = user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token ? token.getClaim(tenantClaim) : null;
        return Objects.requireNonNullElse(tenant, "platform");
    }

    /** Turns a service that cannot be reached or stays silent into a problem naming it: 503 down, 504 slow, 502 else. */
    private static final class UnavailableService implements ProxyInterceptor {

        private final String service;
        private final int retryAfterSeconds;

        UnavailableService(String service, int retryAfterSeconds) {
            this.service = service;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s failed for %s %s: %s", service, context.request().getMethod(), context.request().getURI(), failure.toString());
                String path = context.request().proxiedRequest().path();
                ProxyResponse response = context.request().release().response();
                if (isTimeout(failure)) {
                    return problem(response, 504, Problems.about("gateway-timeout", "Gateway timeout", 504,
                            service + " did not answer in time", service, path));
                }
                if (causedBy(failure, ConnectException.class)) {
                    response.putHeader("Retry-After", String.valueOf(retryAfterSeconds));
                    return problem(response, 503, Problems.about("dependency-unavailable", "Service unavailable", 503,
                            service + " is not reachable; nothing was changed. Try again shortly.", service, path));
                }
                return problem(response, 502, Problems.about("bad-gateway", "Bad gateway", 502,
                        service + " failed to answer", service, path));
            });
        }

        private static Future<ProxyResponse> problem(ProxyResponse response, int status, io.vertx.core.buffer.Buffer body) {
            return Future.succeededFuture(response.setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .setBody(Body.body(body)));
        }

        private static boolean isTimeout(Throwable failure) {
            return causedBy(failure, TimeoutException.class) || String.valueOf(failure.getMessage()).contains("timeout");
        }

        private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
