package dev.moments.bootstrap;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A trigger the service cannot evaluate is refused at creation, naming the offending field by its full path. */
@QuarkusTest
class InvalidDefinitionsTest {

    private static final String BUDGET = "{\"currency\":\"USD\",\"total\":\"100.00\",\"costPerAction\":\"10.00\"}";

    private Api acme;
    private String reward;

    @BeforeEach
    void givenAPartnerWithAReward() {
        acme = Api.newPartner();
        reward = acme.createReward("5.00");
    }

    private ValidatableResponse create(String trigger) {
        return acme.request().body("{\"name\":\"m\",\"trigger\":" + trigger + ",\"budget\":" + BUDGET
                + ",\"rewards\":[\"" + reward + "\"]}").post("/v1/moments").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String field) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void anUnknownKindIsRefusedNamingTriggerKind() {
        problem(create("{\"kind\":\"streak\",\"event\":\"app.opened\"}"), 422, "trigger.kind")
                .body("detail", containsString("streak"));
    }

    @Test
    void aNegativeOrZeroAtLeastIsRefusedNamingTriggerAtLeast() {
        problem(create("{\"kind\":\"count\",\"event\":\"video.watched\",\"atLeast\":-3}"), 422, "trigger.atLeast");
        problem(create("{\"kind\":\"count\",\"event\":\"video.watched\",\"atLeast\":0}"), 422, "trigger.atLeast");
        problem(create("{\"kind\":\"days\",\"event\":\"app.opened\",\"atLeast\":0}"), 422, "trigger.atLeast");
        problem(create("{\"kind\":\"sum\",\"event\":\"order.completed\",\"field\":\"total\",\"atLeast\":-50.00}"),
                422, "trigger.atLeast");
    }

    @Test
    void aSequenceWithoutStepsIsRefusedNamingTriggerSteps() {
        problem(create("{\"kind\":\"sequence\",\"within\":\"P45D\"}"), 422, "trigger.steps");
        problem(create("{\"kind\":\"sequence\",\"steps\":[],\"within\":\"P45D\"}"), 422, "trigger.steps");
    }

    @Test
    void aMalformedDurationIsABadRequestNamingTriggerWithin() {
        problem(create("{\"kind\":\"count\",\"event\":\"video.watched\",\"atLeast\":10,\"within\":\"forever\"}"),
                400, "trigger.within");
        problem(create("{\"kind\":\"sequence\",\"steps\":[{\"event\":\"a\"},{\"event\":\"b\"}],\"within\":\"P-1D\"}"),
                422, "trigger.within");
    }

    @Test
    void anInvalidConditionInANestedStepIsRefusedNamingTheStepAndThePosition() {
        problem(create("{\"kind\":\"sequence\",\"within\":\"P45D\",\"steps\":["
                + "{\"event\":\"order.completed\",\"where\":\"event.order_number == 1\"},"
                + "{\"event\":\"order.completed\",\"where\":\"event.order_number == \"}]}"), 422,
                "trigger.steps[1].where")
                .body("detail", containsString("position"));
    }

    @Test
    void anErrorInANestedAllChildIsRefusedNamingItsPath() {
        problem(create("{\"kind\":\"all\",\"of\":[{\"kind\":\"event\",\"event\":\"tutorial.completed\"},"
                + "{\"kind\":\"count\",\"event\":\"level.reached\",\"atLeast\":0}]}"), 422, "trigger.of[1].atLeast");
        problem(create("{\"kind\":\"any\",\"of\":[{\"kind\":\"event\",\"event\":\"a\"},"
                + "{\"kind\":\"all\",\"of\":[{\"kind\":\"event\",\"event\":\"b\"},{\"kind\":\"warp\"}]}]}"), 422,
                "trigger.of[1].of[1].kind");
    }
}
