package dev.backlight.costing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class RatesAndAllocationTest {

    private static final String MARCH = "2026-03";

    private static Map<String, Object> tenantRate(String from, String rate) {
        return Map.of("scope", "TENANT", "validFrom", from, "hourlyRate", rate);
    }

    @Test
    void aRateChangeMidMonthCostsEachDayAtTheRateInForceThatDay() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        long ava = bpo.employee("ava", "Client services");
        bpo.logs(ava, "CLIENT-A", LocalDate.parse("2026-02-20"), 8 * 60);
        bpo.logs(ava, "CLIENT-A", LocalDate.parse("2026-03-10"), 8 * 60);
        bpo.logs(ava, "CLIENT-A", LocalDate.parse("2026-03-20"), 8 * 60);
        bpo.rate(tenantRate("2026-01-01", "25"));
        bpo.asManager().queryParam("from", "2026-02").queryParam("to", "2026-02").get("/api/costing/profitability").then()
                .body("clients[0].directCost", equalTo(200.0f));

        // From the 16th on, $30: the open-ended $25 rate ends that day, and February keeps its cost.
        bpo.rate(tenantRate("2026-03-16", "30"));
        bpo.asManager().get("/api/costing/rates").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.hourlyRate == 25.0 }.validTo", equalTo("2026-03-16"))
                .body("items.find { it.hourlyRate == 30.0 }.validTo", nullValue());
        bpo.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability").then()
                .body("clients[0].directHours", equalTo(16.0f))
                .body("clients[0].directCost", equalTo(440.0f));
        bpo.asManager().queryParam("from", "2026-02").queryParam("to", "2026-02").get("/api/costing/profitability").then()
                .body("clients[0].directCost", equalTo(200.0f));
    }

    @Test
    void theMostSpecificRateWinsAndOverlapsAreRefused() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        long ava = bpo.employee("ava", "Client services");
        long leo = bpo.employee("leo", "Client services");
        long mia = bpo.employee("mia", "Finance");
        for (long employee : List.of(ava, leo, mia)) {
            bpo.logs(employee, "CLIENT-A", LocalDate.parse("2026-03-10"), 60);
        }
        bpo.rate(Map.of("scope", "TEAM", "team", "Client services", "validFrom", "2026-03-01", "validTo", "2026-04-01", "hourlyRate", 30));
        bpo.rate(Map.of("scope", "EMPLOYEE", "employeeId", leo, "validFrom", "2026-01-01", "hourlyRate", 40));
        // ava at her team's 30, leo at his own 40, mia at the seed's 25.
        bpo.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability").then()
                .body("clients[0].directCost", equalTo(95.0f));

        int teamRate = bpo.asManager().get("/api/costing/rates").then().extract().jsonPath().getInt("items.find { it.scope == 'TEAM' }.id");
        bpo.asAdmin().body(Map.of("scope", "TEAM", "team", "Client services", "validFrom", "2026-03-15", "validTo", "2026-05-01",
                        "hourlyRate", 31)).post("/api/costing/rates").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("conflictingRateId", equalTo(teamRate));
        bpo.asAdmin().body(Map.of("scope", "EMPLOYEE", "employeeId", 999_999, "validFrom", "2026-03-01", "hourlyRate", 31))
                .post("/api/costing/rates").then().statusCode(400).body("errors.field", equalTo(List.of("employeeId")));
        bpo.asAdmin().body(Map.of("scope", "TEAM", "validFrom", "2026-03-01", "hourlyRate", 31)).post("/api/costing/rates").then()
                .statusCode(400).body("errors.field", equalTo(List.of("team")));
        bpo.asAdmin().body(Map.of("scope", "TENANT", "validFrom", "2026-03-01", "hourlyRate", -5)).post("/api/costing/rates").then()
                .statusCode(400).body("errors.field", equalTo(List.of("hourlyRate")));
        bpo.asAdmin().body(Map.of("scope", "TENANT", "validFrom", "2026-03-01", "validTo", "2026-03-01", "hourlyRate", 5))
                .post("/api/costing/rates").then().statusCode(400).body("errors.field", equalTo(List.of("validTo")));
        bpo.asAdmin().body(Map.of("scope", "TENANT", "validFrom", "2026-03-01", "hourlyRate", 5, "currency", "ABC"))
                .post("/api/costing/rates").then().statusCode(400).body("errors.field", equalTo(List.of("currency")));
        Bpo.inDollars().asAdmin().delete("/api/costing/rates/" + firstRateId(bpo)).then().statusCode(404);
    }

    private static long firstRateId(Bpo bpo) {
        return bpo.asManager().get("/api/costing/rates").then().extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void moneyIsRoundedToTheCurrencysMinorUnitOnlyWhenPresented() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        long ava = bpo.employee("ava", "Client services");
        long leo = bpo.employee("leo", "Client services");
        bpo.logs(ava, "CLIENT-A", LocalDate.parse("2026-03-10"), 60);
        bpo.logs(leo, "CLIENT-A", LocalDate.parse("2026-03-10"), 60);
        bpo.rate(tenantRate("2026-01-01", "10.005"));
        // 2 x 10.005 = 20.01; rounding each hour first would give 20.02.
        bpo.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability").then()
                .body("clients[0].directCost", equalTo(20.01f));

        Bpo yen = Bpo.withCurrency("JPY");
        yen.client("CLIENT-A");
        long kei = yen.employee("kei", "Client services");
        yen.logs(kei, "CLIENT-A", LocalDate.parse("2026-03-10"), 90);
        yen.rate(tenantRate("2026-01-01", "2501"));
        yen.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability").then()
                .body("currency", equalTo("JPY"))
                .body("clients[0].directCost", equalTo(3752));
    }

    /** A (30,000 revenue, 10 agents, 10 h) and B (10,000 revenue, 30 agents, 30 h), and 20 shared hours at $25. */
    private static Bpo twoClientsAndSharedHours() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        bpo.client("CLIENT-B");
        long ava = bpo.employee("ava", "Client services");
        long leo = bpo.employee("leo", "Client services");
        bpo.logs(ava, "CLIENT-A", LocalDate.parse("2026-03-02"), 10 * 60);
        bpo.logsHours(leo, "CLIENT-B", "2026-03-02", 30);
        bpo.logsHours(ava, null, "2026-03-09", 20);
        bpo.financials("CLIENT-A", MARCH, 30_000, 20_000, 10);
        bpo.financials("CLIENT-B", MARCH, 10_000, 5_000, 30);
        return bpo;
    }

    @Test
    void sharedHoursAreAllocatedByEachPolicyAndShownApart() {
        Bpo bpo = twoClientsAndSharedHours();
        bpo.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability").then()
                .body("allocation", equalTo("NONE"))
                .body("sharedHours", equalTo(20.0f))
                .body("sharedCost", equalTo(500.0f))
                .body("unallocatedCost", equalTo(500.0f))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.allocatedCost", equalTo(0.0f))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.directCost", equalTo(250.0f))
                // (30,000 + 10,000) - (20,000 + 5,000) - (250 + 750) - 500 unallocated
                .body("totalGrossMargin", equalTo(13500.0f));

        expectShares(bpo, "REVENUE", 15.0f, 375.0f, 5.0f, 125.0f);
        expectShares(bpo, "DIRECT_HOURS", 5.0f, 125.0f, 15.0f, 375.0f);
        expectShares(bpo, "AGENT_HEADCOUNT", 5.0f, 125.0f, 15.0f, 375.0f);
    }

    private static void expectShares(Bpo bpo, String policy, float hoursA, float costA, float hoursB, float costB) {
        bpo.policy(policy);
        bpo.asManager().queryParam("from", MARCH).queryParam("to", MARCH).get("/api/costing/profitability").then()
                .body("allocation", equalTo(policy))
                .body("unallocatedCost", equalTo(0.0f))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.allocatedHours", equalTo(hoursA))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.allocatedCost", equalTo(costA))
                .body("clients.find { it.clientCode == 'CLIENT-A' }.directHours", equalTo(10.0f))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.allocatedHours", equalTo(hoursB))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.allocatedCost", equalTo(costB))
                .body("clients.find { it.clientCode == 'CLIENT-B' }.backOfficeCost", equalTo(750.0f + costB))
                .body("totalGrossMargin", equalTo(13500.0f));
    }

    @Test
    void onlyTenantAdminsSetPolicyAndItIsValidated() {
        Bpo bpo = Bpo.inDollars();
        bpo.asManager().get("/api/costing/policy").then().statusCode(200)
                .body("overtimeWeeklyThresholdHours", equalTo(40.0f)).body("overtimeMultiplier", equalTo(1.5f))
                .body("allocation", equalTo("NONE"));
        bpo.asManager().body(Map.of("overtimeWeeklyThresholdHours", 40, "overtimeMultiplier", 1.5, "allocation", "REVENUE"))
                .put("/api/costing/policy").then().statusCode(403);
        bpo.asAdmin().body(Map.of("overtimeWeeklyThresholdHours", 40, "overtimeMultiplier", 0.5, "allocation", "REVENUE"))
                .put("/api/costing/policy").then().statusCode(400).body("errors.field", equalTo(List.of("overtimeMultiplier")));
        bpo.asAdmin().body(Map.of("overtimeWeeklyThresholdHours", 40, "overtimeMultiplier", 1.5, "allocation", "BY_MOOD"))
                .put("/api/costing/policy").then().statusCode(400).body("errors.field", equalTo(List.of("allocation")));
    }

    @Test
    void aProfitabilityRequestCostsABoundedNumberOfRatePeriods() {
        Bpo bpo = Bpo.inDollars();
        bpo.client("CLIENT-A");
        long ava = bpo.employee("ava", "Client services");
        bpo.logs(ava, "CLIENT-A", LocalDate.parse("2026-03-10"), 60);
        // A new rate every week for a year: 53 periods of unchanged rates, each one read of time-service.
        LocalDate week = LocalDate.parse("2026-01-05");
        for (int i = 0; i < 52; i++) {
            bpo.rate(Map.of("scope", "EMPLOYEE", "employeeId", ava, "validFrom", week.plusWeeks(i).toString(), "hourlyRate", 30 + i));
        }
        bpo.asManager().queryParam("from", "2026-01").queryParam("to", "2026-12").get("/api/costing/profitability").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("to")));
        bpo.asManager().queryParam("from", "2026-03").queryParam("to", "2026-03").get("/api/costing/profitability").then()
                .statusCode(200).body("clients[0].directHours", equalTo(1.0f));
    }
}
