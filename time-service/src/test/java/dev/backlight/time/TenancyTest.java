package dev.backlight.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class TenancyTest {

    @Test
    void anotherTenantsClientAnswers404AndIsNotListed() {
        provision("tenant-a");
        provision("tenant-b");
        given().header("Authorization", TestTokens.bearer("tenant-a", "admin-a", "tenant-admin"))
                .contentType(ContentType.JSON).body("{\"code\":\"ACME\",\"name\":\"Acme\"}")
                .post("/api/time/clients").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer("tenant-b", "admin-b", "tenant-admin"))
                .get("/api/time/clients/ACME").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("tenant-b", "admin-b", "tenant-admin"))
                .get("/api/time/clients").then().statusCode(200).body("code", not(hasItem("ACME")));
        given().header("Authorization", TestTokens.bearer("tenant-a", "admin-a", "tenant-admin"))
                .get("/api/time/clients/ACME").then().statusCode(200).body("name", equalTo("Acme"));
    }

    private static void provision(String id) {
        given().header("Authorization", TestTokens.bearer(null, "root", "platform-admin"))
                .contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"T\",\"timeZone\":\"Europe/Paris\",\"currency\":\"EUR\",\"agents\":50,\"employees\":60}")
                .post("/api/time/tenants").then().statusCode(201);
    }
}
