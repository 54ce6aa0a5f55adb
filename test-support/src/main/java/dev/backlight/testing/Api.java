package dev.backlight.testing;

import static io.restassured.RestAssured.given;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests tests make: to the service under test or to an upstream service. */
public final class Api {

    private Api() {
    }

    /** A JSON request to the service under test with a bearer token. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A JSON request to the upstream service {@link UpstreamServices} started under {@code name}, e.g. time-service. */
    public static RequestSpecification upstream(String name, String token) {
        URI service = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client." + name + ".url", String.class));
        return given().baseUri(service.getScheme() + "://" + service.getHost()).port(service.getPort())
                .auth().oauth2(token).contentType(ContentType.JSON);
    }
}
