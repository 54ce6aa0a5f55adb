package dev.backlight.gateway.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The gateway's own errors as RFC 9457 problem details, shaped like the services' problems. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://backlight.dev/problems/";

    private Problems() {
    }

    /** A problem about a service behind the gateway; {@code service} names it. */
    public static Buffer about(String type, String title, int status, String detail, String service, String path) {
        JsonObject problem = new JsonObject().put("type", TYPE_BASE + type).put("title", title).put("status", status)
                .put("detail", detail).put("instance", path);
        if (service != null) {
            problem.put("service", service);
        }
        return problem.toBuffer();
    }

    /** The same, naming the one field of the request that is wrong. */
    public static Buffer about(String type, String title, int status, String detail, String service, String path,
            String field, String message) {
        JsonObject problem = new JsonObject(about(type, title, status, detail, service, path));
        problem.put("errors", new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
        return problem.toBuffer();
    }

    /** A request over the caller's or the tenant's rate limit: what it costs and how long to wait. */
    public static Buffer rateLimited(int cost, long waitSeconds, String path) {
        return about("rate-limited", "Too many requests", 429, "More requests than your or your tenant's limit allows (this "
                + "one costs " + cost + "); try again in " + waitSeconds + " s", null, path);
    }

    public static void send(HttpServerResponse response, int status, Buffer problem) {
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(problem);
    }
}
