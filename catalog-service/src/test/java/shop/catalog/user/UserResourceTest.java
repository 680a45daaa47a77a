package shop.catalog.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.unique;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.catalog.support.OutboxEvents;
import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class UserResourceTest {

    private OutboxEvents events;

    @BeforeEach
    void subscribe() {
        events = OutboxEvents.of("user");
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void registeringAnswers201AsCustomerWithoutThePasswordAndPublishesUserRegistered() {
        String email = unique("ada") + "@shop.test";
        String id = anonymous().body(Map.of("email", email, "name", "Ada", "password", "correct-horse"))
                .post("/api/users").then().statusCode(201)
                .body("email", equalTo(email))
                .body("name", equalTo("Ada"))
                .body("role", equalTo("customer"))
                .body("createdAt", notNullValue())
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")))
                .extract().path("id");

        as(UUID.fromString(id)).get("/api/users/" + id).then().statusCode(200).body("email", equalTo(email))
                .body("$", not(hasKey("passwordHash")));
        var seen = events.until(id, "user.registered", 1);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).data().path("email").asText()).isEqualTo(email);
        assertThat(seen.get(0).payload().toString()).doesNotContain("correct-horse").doesNotContain("$2");
    }

    @Test
    void aDuplicateEmailInAnyCaseIs409() {
        String email = unique("bob") + "@shop.test";
        anonymous().body(Map.of("email", email, "name", "Bob", "password", "correct-horse")).post("/api/users")
                .then().statusCode(201);
        anonymous().body(Map.of("email", email.toUpperCase(), "name", "Bob", "password", "correct-horse"))
                .post("/api/users").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(problemType("conflict")));
    }

    @Test
    void invalidRegistrationsAre400NamingEachField() {
        anonymous().body(Map.of("email", "not-an-email", "name", "", "password", "short")).post("/api/users").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(problemType("invalid-input")))
                .body("errors.field", hasItems("email", "name", "password"));
    }

    @Test
    void aUserIsSeenByThemselvesOrAnAdminOnly() {
        String id = anonymous().body(Map.of("email", unique("cy") + "@shop.test", "name", "Cy", "password", "correct-horse"))
                .post("/api/users").then().statusCode(201).extract().path("id");
        asAdmin().get("/api/users/" + id).then().statusCode(200);
        as(UUID.randomUUID()).get("/api/users/" + id).then().statusCode(404)
                .body("type", equalTo(problemType("not-found")));
        anonymous().get("/api/users/" + id).then().statusCode(401).body("type", equalTo(problemType("not-signed-in")));
        asAdmin().get("/api/users/" + UUID.randomUUID()).then().statusCode(404);
    }
}
