package dev.backlight.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.ServiceDocumentation;
import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class OpenApiTest implements ServiceDocumentation {

    @Test
    void documentDescribesReportsWithExamplesAndCsvForBiTools() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Backlight metrics-service"))
                .body("paths", hasKey("/api/metrics/baseline"))
                .body("paths.'/api/metrics/baseline'.get.description", notNullValue())
                .body("paths.'/api/metrics/baseline'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/metrics/reviews/monthly'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/metrics/productivity'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/metrics/reviews/quarterly'.get.responses.'200'.content", hasKey("text/csv"))
                .body("components.schemas.FunctionFigures.properties.qualityAdjustedHoursPerUnit.description", notNullValue())
                .body("components.schemas.NewOutput.properties.functionCode.examples[0]", equalTo("SCHEDULING"))
                .body("components.schemas.FunctionChange.description", notNullValue());
    }
}
