package dev.backlight.costing;

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
    void documentDescribesEveryReportInJsonAndCsv() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Backlight client-costing-service"))
                .body("paths.'/api/costing/profitability'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/costing/client-load'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/costing/overtime'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/api/costing/overtime/fixes'.get.responses.'200'.content", hasKey("text/csv"))
                .body("components.schemas.ClientProfitability.properties.grossMargin.description", notNullValue())
                .body("components.schemas.ClientMonthFigures.properties.revenue.examples[0]", equalTo(50000.00f));
    }
}
