package dev.backlight.costing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class ClientProfitabilityTest {

    private static final String MARCH = "2026-03";

    /** The seed's table: three clients, their March revenue and agent cost, and 80, 200 and 160 back-office hours. */
    private static Bpo seedsClientTable() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        bpo.client("CLIENT-B");
        bpo.client("CLIENT-C");
        long ava = bpo.employee("ava", "Client services");
        long leo = bpo.employee("leo", "Client services");
        long mia = bpo.employee("mia", "Finance");
        bpo.logsHours(ava, "CLIENT-A", "2026-03-02", 80);
        bpo.logsHours(leo, "CLIENT-B", "2026-03-02", 200);
        bpo.logsHours(mia, "CLIENT-C", "2026-03-02", 160);
        bpo.financials("CLIENT-A", MARCH, 50_000, 35_000, 40);
        bpo.financials("CLIENT-B", MARCH, 50_000, 35_000, 40);
        bpo.financials("CLIENT-C", MARCH, 30_000, 20_000, 25);
        return bpo;
    }

    @Test
    void theSeedsClientTableComesOutExactly() {
        Bpo bpo = seedsClientTable();
        JsonPath report = bpo.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability")
                .then().statusCode(200)
                .body("currency", equalTo("USD"))
                .body("clients", hasSize(3))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.clientName", equalTo("Client A"))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.directHours", equalTo(80.0f))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.backOfficeCost", equalTo(2000.0f))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.grossMargin", equalTo(13000.0f))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.marginPercent", equalTo(26.0f))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.directHours", equalTo(200.0f))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.backOfficeCost", equalTo(5000.0f))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.grossMargin", equalTo(10000.0f))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.marginPercent", equalTo(20.0f))
                .body("clients.find { it.clientCode == 'CLIENT-C' }.directHours", equalTo(160.0f))
                .body("clients.find { it.clientCode == 'CLIENT-C' }.backOfficeCost", equalTo(4000.0f))
                .body("clients.find { it.clientCode == 'CLIENT-C' }.grossMargin", equalTo(6000.0f))
                .body("clients.find { it.clientCode == 'CLIENT-C' }.marginPercent", equalTo(20.0f))
                // Without back-office cost A and B look the same: 30 % each.
                .body("clients.find { it.clientCode == 'CLIENT-A' }.apparentMarginPercent", equalTo(30.0f))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.apparentMarginPercent", equalTo(30.0f))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.marginPointsHidden", equalTo(10.0f))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.monthsWithoutFinancials", hasSize(0))
                .extract().jsonPath();
        BigDecimal hoursA = report.getObject("clients.find { it.clientCode == 'CLIENT-A' }.directHours", BigDecimal.class);
        BigDecimal hoursB = report.getObject("clients.find { it.clientCode == 'CLIENT-B' }.directHours", BigDecimal.class);
        BigDecimal marginA = report.getObject("clients.find { it.clientCode == 'CLIENT-A' }.marginPercent", BigDecimal.class);
        BigDecimal marginB = report.getObject("clients.find { it.clientCode == 'CLIENT-B' }.marginPercent", BigDecimal.class);
        // B consumes 2.5x A's hours and loses 6 points of margin.
        assertEquals(0, hoursB.divide(hoursA).compareTo(new BigDecimal("2.5")));
        assertEquals(0, marginA.subtract(marginB).compareTo(BigDecimal.valueOf(6)));
    }

    @Test
    void profitabilityComesAsCsvForBiTools() {
        Bpo bpo = seedsClientTable();
        bpo.asAnalyst().accept("text/csv").queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("clientCode,clientName,revenue,agentCost"))
                .body(containsString("CLIENT-B,"))
                .body(containsString(",50000.00,35000.00,200.00,0.00,5000.00,0.00,5000.00,10000.00,20.00,15000.00,30.00,10.00"));
    }

    @Test
    void clientLoadShowsEachClientsFunctionsAndTheOverheadRatio() {
        Bpo bpo = seedsClientTable();
        bpo.asAdmin().body(Map.of("overtimeWeeklyThresholdHours", 40, "overtimeMultiplier", 1.5, "allocation", "NONE",
                "singleClientBaselineHoursPerMonth", 110)).put("/api/costing/policy").then().statusCode(200);
        bpo.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/client-load").then().statusCode(200)
                .body("clients", equalTo(3))
                .body("clientHours", equalTo(440.0f))
                .body("functions.find { it.clientCode == 'CLIENT-B' }.functionCode", equalTo("REPORTING"))
                .body("functions.find { it.clientCode == 'CLIENT-B' }.percentOfClient", equalTo(100.0f))
                // 440 h of client work where one client would need 110 h: 4x.
                .body("overheadRatio", equalTo(4.0f));
        bpo.asAnalyst().accept("text/csv").queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/client-load").then()
                .statusCode(200).body(containsString("CLIENT-C,REPORTING,160.00,100.00"));
    }

    @Test
    void monthsWithoutFinancialsAreNamedNotHidden() {
        Bpo bpo = seedsClientTable();
        bpo.asManager().queryParam("from", "2026-02").queryParam("to", MARCH).get("/api/costing/profitability").then().statusCode(200)
                .body("clients.find { it.clientCode == 'CLIENT-A' }.monthsWithoutFinancials", equalTo(List.of("2026-02")))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.revenue", equalTo(50000.0f));
    }

    @Test
    void financialsAreValidatedAndNameTheField() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        bpo.asAdmin().body(Map.of("revenue", -1, "agentCost", 10)).put("/api/costing/clients/CLIENT-A/months/2026-03").then()
                .statusCode(400).contentType(containsString("application/problem+json")).body("errors.field", equalTo(List.of("revenue")));
        bpo.asAdmin().body(Map.of("revenue", 10, "agentCost", 10)).put("/api/costing/clients/CLIENT-Z/months/2026-03").then()
                .statusCode(404).contentType(containsString("application/problem+json")).body("detail", containsString("CLIENT-Z"));
        bpo.asAdmin().body(Map.of("revenue", 10, "agentCost", 10)).put("/api/costing/clients/CLIENT-A/months/2026-13").then()
                .statusCode(400).body("errors.field", equalTo(List.of("month")));
        bpo.asAdmin().body(Map.of("revenue", 10, "agentCost", 10, "currency", "XYZ")).put("/api/costing/clients/CLIENT-A/months/2026-03")
                .then().statusCode(400).body("errors.field", equalTo(List.of("currency")));
        bpo.asAdmin().body(Map.of("revenue", 10, "agentCost", 10, "currency", "EUR")).put("/api/costing/clients/CLIENT-A/months/2026-03")
                .then().statusCode(400).body("detail", containsString("USD"));
        bpo.asAdmin().body(Map.of("revenue", "12.345", "agentCost", 10)).put("/api/costing/clients/CLIENT-A/months/2026-03").then()
                .statusCode(400).body("errors.field", equalTo(List.of("revenue")));
        bpo.asManager().body(Map.of("revenue", 10, "agentCost", 10)).put("/api/costing/clients/CLIENT-A/months/2026-03").then()
                .statusCode(403);
        bpo.asManager().queryParam("from", "2026-04").queryParam("to", MARCH).get("/api/costing/profitability").then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));

        bpo.asAdmin().body(Map.of("revenue", 10, "agentCost", 5, "currency", "USD")).put("/api/costing/clients/CLIENT-A/months/2026-03")
                .then().statusCode(201);
        bpo.asAdmin().body(Map.of("revenue", 12, "agentCost", 5)).put("/api/costing/clients/CLIENT-A/months/2026-03").then()
                .statusCode(200).body("revenue", equalTo(12.0f));
        bpo.asAnalyst().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/financials").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].month", equalTo(MARCH));
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        Bpo mine = seedsClientTable();
        Bpo theirs = Bpo.inDollars();
        theirs.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability").then().statusCode(200)
                .body("clients", hasSize(0));
        theirs.asAnalyst().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/financials").then()
                .body("items", hasSize(0));
        theirs.asAdmin().delete("/api/costing/clients/CLIENT-A/months/" + MARCH).then().statusCode(404);
        mine.asAdmin().delete("/api/costing/clients/CLIENT-A/months/" + MARCH).then().statusCode(204);
    }
}
