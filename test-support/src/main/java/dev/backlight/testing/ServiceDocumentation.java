package dev.backlight.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What every service's own test of its OpenAPI document checks besides its specific content: each operation has a
 * summary (BI tools and client generators show it) and an operationId of its own (the name a generated client gives
 * it), and readiness reports the database.
 */
public interface ServiceDocumentation {

    @Test
    default void everyOperationSaysWhatItDoes() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> undocumented = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        Set<Object> names = new HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("summary") == null) {
                undocumented.add(method.toUpperCase() + " " + path);
            }
            if (operation.get("operationId") == null || !names.add(operation.get("operationId"))) {
                unnamed.add(method.toUpperCase() + " " + path + " " + operation.get("operationId"));
            }
        }));
        assertTrue(undocumented.isEmpty(), "operations without a summary: " + undocumented);
        assertTrue(unnamed.isEmpty(), "operations without an operationId of their own: " + unnamed);
    }

    @Test
    default void healthReportsTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
