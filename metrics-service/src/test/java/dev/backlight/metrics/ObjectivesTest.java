package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.backlight.testing.TestTokens;
import dev.backlight.testing.UpstreamServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = UpstreamServices.class,
        initArgs = @ResourceArg(name = "time-service", value = "../time-service/target/quarkus-app/quarkus-run.jar"))
@WithTestResource(TestTokens.class)
class ObjectivesTest {

    private static Map<String, Object> objective(String function, String metric, Number target, String direction, long owner) {
        return new HashMap<>(Map.of("title", metric + " of " + function, "functionCode", function, "metric", metric, "target", target,
                "direction", direction, "startDate", "2026-03-02", "dueDate", "2026-03-30", "ownerEmployeeId", owner));
    }

    private static ValidatableResponse asOf(Operation op, long id, String day) {
        return op.asManager().queryParam("asOf", day).get("/api/metrics/objectives/" + id).then().statusCode(200);
    }

    /** Reports from 4 hours each to under 2 by the end of March, measured fortnight by fortnight. */
    @Test
    void progressIsMeasuredFromTheDataAgainstTheTimeElapsed() {
        Operation op = Operation.withAgents(50, 65);
        long rae = op.employee("rae", "Reporting");
        // Before the start: 12 hours for 3 reports.
        op.logs(rae, "REPORTING", null, "2026-02-16", 8 * 60);
        op.logs(rae, "REPORTING", null, "2026-02-23", 4 * 60);
        op.output("REPORTING", rae, "2026-02-16", "2026-02-23", 2);
        op.output("REPORTING", rae, "2026-02-23", "2026-03-02", 1);
        // Then week by week: 6 h / 2 reports, 3 h / 1, 6 h / 1, 2 h / 3.
        op.logs(rae, "REPORTING", null, "2026-03-02", 6 * 60);
        op.output("REPORTING", rae, "2026-03-02", "2026-03-09", 2);
        op.logs(rae, "REPORTING", null, "2026-03-09", 3 * 60);
        op.output("REPORTING", rae, "2026-03-09", "2026-03-16", 1);
        op.logs(rae, "REPORTING", null, "2026-03-16", 6 * 60);
        op.output("REPORTING", rae, "2026-03-16", "2026-03-23", 1);
        op.logs(rae, "REPORTING", null, "2026-03-23", 2 * 60);
        op.output("REPORTING", rae, "2026-03-23", "2026-03-30", 3);
        long id = op.asManager().body(objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", rae)).post("/api/metrics/objectives")
                .then().statusCode(201).body("progress.startingValue", equalTo(4.0f)).extract().jsonPath().getLong("id");

        asOf(op, id, "2026-02-20").body("progress.status", equalTo("NOT_STARTED"));
        // Halfway in time, halfway there (4 -> 3 of 4 -> 2).
        asOf(op, id, "2026-03-16").body("progress.currentValue", equalTo(3.0f)).body("progress.progressPercent", equalTo(50.0f))
                .body("progress.elapsedPercent", equalTo(50.0f)).body("progress.status", equalTo("ON_TRACK"))
                .body("progress.measuredFrom", equalTo("2026-03-02")).body("progress.measuredTo", equalTo("2026-03-16"));
        // Three quarters in time, and worse than at the start: at risk.
        asOf(op, id, "2026-03-23").body("progress.currentValue", equalTo(4.5f)).body("progress.progressPercent", equalTo(-25.0f))
                .body("progress.status", equalTo("AT_RISK"));
        // Due: the last fortnight made 2 hours per report.
        asOf(op, id, "2026-04-10").body("progress.currentValue", equalTo(2.0f)).body("progress.status", equalTo("ACHIEVED"))
                .body("progress.measuredTo", equalTo("2026-03-30"));

        // Payroll time capped at 5 hours a week, but 6 were spent: missed. Scheduling output was never recorded: no data.
        long pay = op.employee("pay", "Finance");
        op.logs(pay, "PAYROLL", null, "2026-03-17", 6 * 60);
        op.logs(pay, "PAYROLL", null, "2026-03-24", 6 * 60);
        op.asManager().body(objective("PAYROLL", "HOURS_PER_WEEK", 5, "AT_MOST", pay)).post("/api/metrics/objectives").then().statusCode(201);
        op.asManager().body(objective("SCHEDULING", "PRODUCTIVITY", 3, "AT_MOST", pay)).post("/api/metrics/objectives").then().statusCode(201);
        op.asAnalyst().queryParam("asOf", "2026-04-01").get("/api/metrics/objectives").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.find { it.functionCode == 'PAYROLL' }.progress.currentValue", equalTo(6.0f))
                .body("items.find { it.functionCode == 'PAYROLL' }.progress.status", equalTo("MISSED"))
                .body("items.find { it.functionCode == 'SCHEDULING' }.progress.status", equalTo("NO_DATA"));
        op.asAnalyst().accept("text/csv").queryParam("asOf", "2026-03-16").get("/api/metrics/objectives").then().statusCode(200)
                .body(containsString("id,title,functionCode,metric,direction,target,startDate,dueDate,ownerEmployeeId,startingValue,"
                        + "currentValue,progressPercent,elapsedPercent,status"))
                .body(containsString(id + ",\"HOURS_PER_UNIT of REPORTING\",REPORTING,HOURS_PER_UNIT,AT_MOST,2.0000,2026-03-02,2026-03-30,"
                        + rae + ",4.0000,3.0000,50.00,50.00,ON_TRACK"));
    }

    @Test
    void badObjectivesAreProblemsAndOtherTenantsSeeNone() {
        Operation op = Operation.withAgents(50, 65);
        long rae = op.employee("rae", "Reporting");
        Map<String, Object> backwards = objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", rae);
        backwards.put("dueDate", "2026-03-01");
        op.asManager().body(backwards).post("/api/metrics/objectives").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("dueDate"));
        op.asManager().body(objective("REPORTING", "SPEED", 2, "AT_MOST", rae)).post("/api/metrics/objectives").then().statusCode(400);
        op.asManager().body(objective("REPORTING", "HOURS_PER_UNIT", -1, "AT_MOST", rae)).post("/api/metrics/objectives").then()
                .statusCode(400).body("errors.field", hasItem(containsString("target")));
        op.asManager().body(objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", 999999)).post("/api/metrics/objectives").then()
                .statusCode(400).body("errors.field", hasItem("ownerEmployeeId"));
        op.asAnalyst().body(objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", rae)).post("/api/metrics/objectives").then().statusCode(403);
        long id = op.asManager().body(objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", rae)).post("/api/metrics/objectives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> changed = objective("REPORTING", "HOURS_PER_UNIT", 1.5, "AT_MOST", rae);
        op.asManager().body(changed).put("/api/metrics/objectives/" + id).then().statusCode(200).body("target", equalTo(1.5f));

        Operation other = Operation.withAgents(50, 65);
        other.asManager().get("/api/metrics/objectives/" + id).then().statusCode(404);
        other.asManager().delete("/api/metrics/objectives/" + id).then().statusCode(404);
        other.asManager().get("/api/metrics/objectives").then().statusCode(200).body("items", hasSize(0));
        op.asManager().delete("/api/metrics/objectives/" + id).then().statusCode(204);
    }

    @Test
    void aTenantKeepsABoundedNumberOfObjectives() {
        Operation op = Operation.withAgents(50, 65);
        long rae = op.employee("rae", "Reporting");
        for (int i = 0; i < 30; i++) {
            op.asManager().body(objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", rae)).post("/api/metrics/objectives")
                    .then().statusCode(201);
        }
        op.asManager().body(objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", rae)).post("/api/metrics/objectives")
                .then().statusCode(409).contentType("application/problem+json").body("limit", equalTo(30));
        op.asManager().get("/api/metrics/objectives").then().statusCode(200).body("items", hasSize(30));
    }

    @Test
    void aChangeBasedOnAnOldVersionIsRefused() {
        Operation op = Operation.withAgents(50, 65);
        long rae = op.employee("rae", "Reporting");
        long id = op.asManager().body(objective("REPORTING", "HOURS_PER_UNIT", 2, "AT_MOST", rae)).post("/api/metrics/objectives")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String read = op.asManager().get("/api/metrics/objectives/" + id).then().statusCode(200).extract().header("ETag");
        op.asManager().header("If-Match", read).body(objective("REPORTING", "HOURS_PER_UNIT", 3, "AT_MOST", rae))
                .put("/api/metrics/objectives/" + id).then().statusCode(200);
        op.asManager().header("If-Match", read).body(objective("REPORTING", "HOURS_PER_UNIT", 4, "AT_MOST", rae))
                .put("/api/metrics/objectives/" + id).then().statusCode(412).contentType("application/problem+json");
        op.asManager().header("If-Match", read).delete("/api/metrics/objectives/" + id).then().statusCode(412);
        assertEquals(3.0, op.asManager().get("/api/metrics/objectives/" + id).then().extract().jsonPath().getDouble("target"),
                "the first change stands");
    }
}
