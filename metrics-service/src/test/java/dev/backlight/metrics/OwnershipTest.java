package dev.backlight.metrics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
class OwnershipTest {

    @Test
    void onboardingHasAnOwnerABackupHandoffsAndADefinitionOfDone() {
        Operation op = Operation.withAgents(50, 65);
        long hrLead = op.employee("hr-lead", "HR");
        long supervisor = op.employee("supervisor", "Operations");
        op.asManager().body(Map.of("ownerEmployeeId", hrLead, "backupEmployeeId", supervisor,
                "handoffs", List.of(Map.of("from", "HR", "to", "IT", "when", "Offer signed and start date confirmed"),
                        Map.of("from", "IT", "to", "Supervisor", "when", "Accounts created in every system")),
                "definitionOfDone", "New hire has access to all systems and has completed orientation"))
                .put("/api/metrics/ownership/ONBOARDING").then().statusCode(200)
                .body("owner.id", equalTo((int) hrLead)).body("owner.name", equalTo("Employee hr-lead"))
                .body("backup.id", equalTo((int) supervisor))
                .body("handoffs[1].to", equalTo("Supervisor"))
                .body("gaps", equalTo(List.of()));
        op.asAnalyst().get("/api/metrics/ownership/ONBOARDING").then().statusCode(200)
                .body("definitionOfDone", containsString("completed orientation"));
    }

    @Test
    void functionsWithoutOwnerOrBackupAreReported() {
        Operation op = Operation.withAgents(50, 65);
        long payrollLead = op.employee("payroll-lead", "Finance");
        op.asManager().body(Map.of("ownerEmployeeId", payrollLead, "definitionOfDone", "Everyone paid correctly on the pay date"))
                .put("/api/metrics/ownership/PAYROLL").then().statusCode(200).body("gaps", equalTo(List.of("NO_BACKUP")));
        op.asManager().get("/api/metrics/ownership/gaps").then().statusCode(200)
                .body("items.find { it.functionCode == 'PAYROLL' }.gaps", equalTo(List.of("NO_BACKUP")))
                .body("items.find { it.functionCode == 'SCHEDULING' }.gaps", equalTo(List.of("NO_OWNER", "NO_BACKUP", "NO_DEFINITION_OF_DONE")))
                .body("items.functionCode", hasItem("QA_EVALUATION"));
        // Once backed up, payroll leaves the gap report; the full list still shows it.
        long deputy = op.employee("payroll-deputy", "Finance");
        op.asManager().body(Map.of("ownerEmployeeId", payrollLead, "backupEmployeeId", deputy,
                "definitionOfDone", "Everyone paid correctly on the pay date")).put("/api/metrics/ownership/PAYROLL").then().statusCode(200);
        op.asManager().get("/api/metrics/ownership/gaps").then().body("items.functionCode", not(hasItem("PAYROLL")));
        op.asAnalyst().accept("text/csv").get("/api/metrics/ownership").then().statusCode(200)
                .body(containsString("functionCode,ownerEmployeeId,ownerName,backupEmployeeId,backupName,handoffs,definitionOfDone,gaps"))
                .body(containsString("PAYROLL," + payrollLead + ",\"Employee payroll-lead\"," + deputy + ",\"Employee payroll-deputy\",0,"));
        // A deactivated owner is a gap again.
        op.deactivate(payrollLead);
        op.asManager().get("/api/metrics/ownership/gaps").then()
                .body("items.find { it.functionCode == 'PAYROLL' }.gaps", equalTo(List.of("OWNER_INACTIVE")));
    }

    @Test
    void badAssignmentsAreProblemsNamingTheField() {
        Operation op = Operation.withAgents(50, 65);
        long lead = op.employee("lead", "WFM");
        op.asManager().body(Map.of("ownerEmployeeId", lead, "backupEmployeeId", lead)).put("/api/metrics/ownership/SCHEDULING")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("backupEmployeeId"));
        // An unknown reference in the body is a 400 naming the field; an unknown function in the path is a 404.
        op.asManager().body(Map.of("ownerEmployeeId", 999999)).put("/api/metrics/ownership/SCHEDULING")
                .then().statusCode(400).body("errors.field", hasItem("ownerEmployeeId"));
        op.asManager().body(Map.of("ownerEmployeeId", lead)).put("/api/metrics/ownership/NOT_A_FUNCTION")
                .then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("detail", containsString("NOT_A_FUNCTION"));
        op.asManager().body(Map.of("handoffs", List.of(Map.of("from", "HR")))).put("/api/metrics/ownership/SCHEDULING")
                .then().statusCode(400).body("errors.field", hasItem(containsString("handoffs")));
        op.asAnalyst().body(Map.of("ownerEmployeeId", lead)).put("/api/metrics/ownership/SCHEDULING").then().statusCode(403);
        // Another tenant's employee is unknown here, and this tenant's ownership is invisible there.
        op.asManager().body(Map.of("ownerEmployeeId", lead)).put("/api/metrics/ownership/SCHEDULING").then().statusCode(200);
        Operation other = Operation.withAgents(50, 65);
        other.asManager().body(Map.of("ownerEmployeeId", lead)).put("/api/metrics/ownership/SCHEDULING")
                .then().statusCode(400).body("errors.field", hasItem("ownerEmployeeId"));
        other.asManager().get("/api/metrics/ownership/SCHEDULING").then().statusCode(200).body("owner", equalTo(null));
        other.asManager().delete("/api/metrics/ownership/SCHEDULING").then().statusCode(404);
        op.asManager().delete("/api/metrics/ownership/SCHEDULING").then().statusCode(204);
        op.asManager().get("/api/metrics/ownership/SCHEDULING").then().body("gaps", hasItem("NO_OWNER"));
    }

    @Test
    void ownershipChangesHonourIfMatchFromTheFirstAssignmentOn() {
        Operation op = Operation.withAgents(50, 65);
        long lead = op.employee("lead", "Workforce management");
        long deputy = op.employee("deputy", "Workforce management");
        String unset = op.asManager().get("/api/metrics/ownership/SCHEDULING").then().statusCode(200).extract().header("ETag");
        String assigned = op.asManager().header("If-Match", unset).body(Map.of("ownerEmployeeId", lead))
                .put("/api/metrics/ownership/SCHEDULING").then().statusCode(200).extract().header("ETag");
        // A second manager who also saw it unset does not overwrite the first assignment.
        op.asManager().header("If-Match", unset).body(Map.of("ownerEmployeeId", deputy)).put("/api/metrics/ownership/SCHEDULING")
                .then().statusCode(412).contentType(containsString("application/problem+json"));
        op.asManager().header("If-Match", unset).delete("/api/metrics/ownership/SCHEDULING").then().statusCode(412);
        op.asManager().get("/api/metrics/ownership/SCHEDULING").then().body("owner.id", equalTo((int) lead));
        op.asManager().header("If-Match", assigned).delete("/api/metrics/ownership/SCHEDULING").then().statusCode(204);
    }
}
