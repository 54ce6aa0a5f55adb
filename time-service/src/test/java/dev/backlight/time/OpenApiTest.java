package dev.backlight.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.PostgresTestResource;
import dev.backlight.testing.ServiceDocumentation;
import dev.backlight.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestTokens.class)
class OpenApiTest implements ServiceDocumentation {

    @Test
    void documentDescribesTheApiWithExamplesForBiTools() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Backlight time-service"))
                .body("paths", hasKey("/api/time/reports/hours"))
                .body("paths.'/api/time/entries'.post.description", notNullValue())
                .body("components.schemas.TimeEntry.properties.functionCode.examples[0]", equalTo("SCHEDULING"))
                .body("components.schemas.TimeEntry.properties.workDate.description", notNullValue())
                .body("components.schemas.Problem.properties.errors", notNullValue())
                .body("paths.'/api/time/reports/hours'.get.responses.'200'.content", hasKey("text/csv"));
    }
}
