package dev.backlight.costing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CostingStartupTest {

    @Test
    void startsAndReportsHealthy() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
