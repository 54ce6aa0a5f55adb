package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
class OutputsAndQualityTest {

    private static Map<String, Object> output(String function, Object employeeId, String start, int units) {
        Map<String, Object> body = new HashMap<>(Map.of("functionCode", function, "periodStart", start, "units", units));
        if (employeeId != null) {
            body.put("employeeId", employeeId);
        }
        return body;
    }

    @Test
    void outputIsCheckedAgainstTheDirectoryAndNamesTheBadField() {
        Operation op = Operation.withAgents(50, 65);
        long ann = op.employee("ann", "Payroll");
        op.asManager().body(output("NOPE", ann, "2026-03-02", 1)).post("/api/metrics/outputs").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("functionCode"));
        op.asManager().body(output("PAYROLL", 999_999, "2026-03-02", 1)).post("/api/metrics/outputs").then().statusCode(400)
                .body("errors.field", hasItem("employeeId"));
        Map<String, Object> unknownClient = output("PAYROLL", ann, "2026-03-02", 1);
        unknownClient.put("clientCode", "GHOST");
        op.asManager().body(unknownClient).post("/api/metrics/outputs").then().statusCode(400).body("errors.field", hasItem("clientCode"));
        op.asManager().body(output("PAYROLL", ann, "2026-03-02", 0)).post("/api/metrics/outputs").then().statusCode(400)
                .body("errors.field", hasItem("units"));
        Map<String, Object> backwards = output("PAYROLL", ann, "2026-03-02", 1);
        backwards.put("periodEnd", "2026-03-01");
        op.asManager().body(backwards).post("/api/metrics/outputs").then().statusCode(400).body("errors.field", hasItem("periodEnd"));
        op.asManager().body(output("PAYROLL", ann, "2030-01-01", 1)).post("/api/metrics/outputs").then().statusCode(400)
                .body("errors.field", hasItem("periodEnd"));
        Map<String, Object> covered = output("SCHEDULING", ann, "2026-03-02", 1);
        covered.put("employeesCovered", 100);
        op.asManager().body(covered).post("/api/metrics/outputs").then().statusCode(400).body("errors.field", hasItem("employeesCovered"));
        op.asManager().body("{\"functionCode\": \"PAYROLL\", \"periodStart\": \"yesterday\", \"units\": 1}")
                .post("/api/metrics/outputs").then().statusCode(400).body("errors.field", hasItem("periodStart"));

        op.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/outputs").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAllAndNamesTheBadRecord() {
        Operation op = Operation.withAgents(50, 65);
        long ann = op.employee("ann", "Payroll");
        List<Map<String, Object>> batch = List.of(output("PAYROLL", ann, "2026-03-02", 1), output("REPORTING", ann, "2026-03-03", 2),
                output("RETIRED_OR_NOT", ann, "2026-03-04", 1));
        op.asManager().body(Map.of("outputs", batch)).post("/api/metrics/outputs/batch").then().statusCode(400)
                .body("errors.field", hasItem("outputs[2].functionCode"));
        op.asManager().body(Map.of("outputs", List.of(output("PAYROLL", ann, "2026-03-02", 1), output("PAYROLL", ann, "2026-03-02", -3))))
                .post("/api/metrics/outputs/batch").then().statusCode(400).body("errors.field", hasItem("outputs[1].units"));
        op.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/outputs").then()
                .body("items", hasSize(0));

        List<Map<String, Object>> good = new ArrayList<>();
        for (int day = 2; day <= 6; day++) {
            Map<String, Object> record = output("REPORTING", ann, "2026-03-0" + day, 1);
            record.put("externalRef", "bi-2026-03-0" + day);
            good.add(record);
        }
        op.asManager().body(Map.of("outputs", good)).post("/api/metrics/outputs/batch").then().statusCode(200)
                .body("created", equalTo(5)).body("alreadyPresent", equalTo(0));
        // Re-running the same load counts nothing twice.
        op.asManager().body(Map.of("outputs", good)).post("/api/metrics/outputs/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("alreadyPresent", equalTo(5));
        op.asAnalyst().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/outputs").then()
                .body("items", hasSize(5));
    }

    @Test
    void parallelRetriesWithOneExternalRefRecordOneOutput() throws Exception {
        Operation op = Operation.withAgents(50, 65);
        long ann = op.employee("ann", "Payroll");
        Map<String, Object> body = output("PAYROLL", ann, "2026-03-02", 1);
        body.put("externalRef", "payrun-2026-03-02");
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                calls.add(pool.submit(() -> op.asManager().body(body).post("/api/metrics/outputs").then().extract().statusCode()));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(parallel - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        op.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/outputs").then()
                .body("items", hasSize(1));

        // The same externalRef with other units, or from another recorder, is not a retry.
        Map<String, Object> moreUnits = new HashMap<>(body);
        moreUnits.put("units", 2);
        op.asManager().body(moreUnits).post("/api/metrics/outputs").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("external-ref-reused"));
        op.asAdmin().body(body).post("/api/metrics/outputs").then().statusCode(409);
        op.asManager().body(body).post("/api/metrics/outputs").then().statusCode(200).body("units", equalTo(1));
    }

    @Test
    void staffRecordOnlyTheirOwnOutput() {
        Operation op = Operation.withAgents(50, 65);
        long ann = op.employee("ann", "Payroll");
        long bob = op.employee("bob", "Payroll");
        String annToken = TestTokens.token(op.tenant, "ann", "staff");
        op.as(annToken).body(output("PAYROLL", ann, "2026-03-02", 1)).post("/api/metrics/outputs").then().statusCode(201)
                .body("recordedBy", equalTo("ann"));
        op.as(annToken).body(output("PAYROLL", bob, "2026-03-02", 1)).post("/api/metrics/outputs").then().statusCode(400)
                .body("errors.field", hasItem("employeeId"));
        op.as(annToken).body(output("PAYROLL", null, "2026-03-02", 1)).post("/api/metrics/outputs").then().statusCode(400)
                .body("errors.field", hasItem("employeeId"));
        op.as(TestTokens.token(op.tenant, "nobody", "staff")).body(output("PAYROLL", ann, "2026-03-02", 1))
                .post("/api/metrics/outputs").then().statusCode(403).contentType(containsString("application/problem+json"));
        op.as(annToken).queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/outputs").then()
                .statusCode(403);
    }

    @Test
    void anotherTenantsRecordsAreNotFound() {
        Operation mine = Operation.withAgents(50, 65);
        Operation theirs = Operation.withAgents(50, 65);
        long ann = mine.employee("ann", "Payroll");
        long id = mine.output("PAYROLL", ann, "2026-03-02", "2026-03-03", 1);
        theirs.asManager().delete("/api/metrics/outputs/" + id).then().statusCode(404);
        theirs.asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/outputs").then()
                .body("items", hasSize(0));
        // A finding may not point at another tenant's output either.
        theirs.asManager().body(Map.of("functionCode", "PAYROLL", "kind", "PAY_CYCLE_CORRECTION", "occurredOn", "2026-03-04",
                "outputId", id)).post("/api/metrics/quality-events").then().statusCode(400).body("errors.field", hasItem("outputId"));
        theirs.asManager().queryParam("from", "2026-03-01").get("/api/metrics/baseline").then().statusCode(200)
                .body("functions", hasSize(0));
        mine.asManager().delete("/api/metrics/outputs/" + id).then().statusCode(204);
    }

    @Test
    void qualityFindingsFollowTheirFunctionsCheck() {
        Operation op = Operation.withAgents(50, 65);
        long ann = op.employee("ann", "Payroll");
        long cycle = op.output("PAYROLL", ann, "2026-03-02", "2026-03-16", 1);
        op.asManager().get("/api/metrics/quality-kinds").then().statusCode(200)
                .body("find { it.kind == 'INTER_RATER_RELIABILITY' }.functionCode", equalTo("QA_EVALUATION"))
                .body("find { it.kind == 'INTER_RATER_RELIABILITY' }.nature", equalTo("SCORE"));
        op.asManager().body(Map.of("functionCode", "PAYROLL", "kind", "COVERAGE_GAP", "occurredOn", "2026-03-04"))
                .post("/api/metrics/quality-events").then().statusCode(400).body("errors.field", hasItem("kind"));
        op.asManager().body(Map.of("functionCode", "QA_EVALUATION", "kind", "INTER_RATER_RELIABILITY", "occurredOn", "2026-03-04",
                "measured", 130)).post("/api/metrics/quality-events").then().statusCode(400).body("errors.field", hasItem("measured"));
        op.asManager().body(Map.of("functionCode", "PAYROLL", "kind", "PAY_CYCLE_CORRECTION", "occurredOn", "2026-03-04",
                "measured", 3)).post("/api/metrics/quality-events").then().statusCode(400).body("errors.field", hasItem("measured"));
        op.asManager().body(Map.of("functionCode", "REPORTING", "kind", "OTHER_DEFECT", "occurredOn", "2026-03-04",
                "outputId", cycle)).post("/api/metrics/quality-events").then().statusCode(400).body("errors.field", hasItem("outputId"));
        op.asManager().body(Map.of("functionCode", "PAYROLL", "kind", "SOMETHING", "occurredOn", "2026-03-04"))
                .post("/api/metrics/quality-events").then().statusCode(400).body("errors.field", hasItem("kind"));

        Map<String, Object> correction = Map.of("functionCode", "PAYROLL", "kind", "PAY_CYCLE_CORRECTION", "occurredOn", "2026-03-17",
                "outputId", cycle, "count", 2, "externalRef", "corr-1");
        op.asManager().body(correction).post("/api/metrics/quality-events").then().statusCode(201).body("outputId", equalTo((int) cycle));
        op.asManager().body(correction).post("/api/metrics/quality-events").then().statusCode(200);
        op.asAnalyst().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/quality-events").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].count", equalTo(2));

        // Deleting the output keeps the finding, without its link.
        op.asManager().delete("/api/metrics/outputs/" + cycle).then().statusCode(204);
        op.asAnalyst().queryParam("from", "2026-03-01").queryParam("to", "2026-04-01").get("/api/metrics/quality-events").then()
                .body("items[0].outputId", equalTo(null));
    }
}
