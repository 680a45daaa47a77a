package shop.polyglot.stack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The service's own OpenAPI document ({@code /q/openapi}) against what it answers and against the
 * gateway's route table ({@code deploy/gateway/routes.tsv}), for every operation:
 * <ul>
 * <li>it lists the problems that can happen there, each {@code application/problem+json} of the one
 * {@code Problem} schema: 500 and 503 always, 400 with parameters or a body, 401 when signed in,
 * 403 when a role is needed, 404 with path parameters, 413 and 415 with a body;</li>
 * <li>its security requirement is the table's access for its path and method: none for public, the
 * {@code sessionToken} bearer scheme for signed-in, and with the role {@code admin} for admin;
 * an internal operation (never routed) is marked {@code x-internal: true};</li>
 * <li>every documented {@code /api} operation has its row in the table, and every row of the table
 * for this service has its operation in the document.</li>
 * </ul>
 * A service's {@code @QuarkusTest} extends this; the service's name is its
 * {@code quarkus.application.name}, as the table names it.
 */
public abstract class ApiDocumentContract {

    static final String SCHEME = "sessionToken";
    static final String PROBLEM = "#/components/schemas/Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String ADMIN = "admin";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private JsonPath document;

    /**
     * Read in each test (rest-assured has the application's random port only once a test runs),
     * and kept as {@code target/openapi.json} to read when a check fails.
     */
    @BeforeEach
    void readDocument() throws IOException {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Files.isDirectory(Path.of("target"))) {
            Files.writeString(Path.of("target", "openapi.json"), json);
        }
        document = new JsonPath(json);
    }

    /** This service's name in the route table. */
    protected String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    @Test
    void everyOperationListsItsProblemsAsTheOneProblemSchema() {
        assertTrue(document.getMap("components.schemas.Problem.properties").keySet()
                .containsAll(List.of("type", "title", "status", "detail", "instance", "requestId", "errors")),
                "the Problem schema is in the document with its fields");
        List<String> wrong = new ArrayList<>();
        List<DocumentedOperation> operations = operations();
        for (DocumentedOperation op : operations) {
            Map<String, Object> responses = op.map("responses");
            Set<String> expected = new TreeSet<>(List.of("500", "503"));
            if (op.hasParameters() || op.hasBody()) {
                expected.add("400");
            }
            if (!op.roles().isEmpty() || op.security() != null && !op.security().isEmpty()) {
                expected.add("401");
            }
            if (op.roles().contains(ADMIN)) {
                expected.add("403");
            }
            if (op.path().contains("{")) {
                expected.add("404");
            }
            if (op.hasBody()) {
                expected.add("413");
                expected.add("415");
            }
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
                wrong.add(op + ": no success response (an @APIResponse of its own replaces the generated one: declare the success too)");
            }
            responses.forEach((code, response) -> {
                if (response instanceof Map<?, ?> declared && declared.get("content") instanceof Map<?, ?> content
                        && content.isEmpty()) {
                    wrong.add(op + ": " + code + " has content of no media type (@Content without mediaType)");
                }
            });
            for (String code : expected) {
                if (!responses.containsKey(code)) {
                    wrong.add(op + ": no " + code + " response");
                }
            }
            for (String code : responses.keySet()) {
                if (code.startsWith("4") || code.startsWith("5")) {
                    String ref = document.getString(op.at() + ".responses.'" + code + "'.content.'" + PROBLEM_JSON
                            + "'.schema.$ref");
                    if (!PROBLEM.equals(ref)) {
                        wrong.add(op + ": " + code + " is not " + PROBLEM_JSON + " of " + PROBLEM + " (" + ref + ")");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        System.out.printf("%s: %d operations, each with its problem responses%n", service(), operations.size());
    }

    @Test
    void everyOperationIsForWhomTheRouteTableSays() {
        assertEquals("http", document.getString("components.securitySchemes." + SCHEME + ".type"));
        assertEquals("bearer", document.getString("components.securitySchemes." + SCHEME + ".scheme"));
        List<RouteTable.Route> table = RouteTable.load();
        List<String> wrong = new ArrayList<>();
        List<DocumentedOperation> operations = operations();
        for (DocumentedOperation op : operations) {
            if (!op.path().startsWith("/api/")) {
                continue;
            }
            RouteTable.Route route = RouteTable.routeOf(table, op.path(), op.method());
            if (route == null) {
                wrong.add(op + ": no row of routes.tsv routes it (add one; internal if the gateway must not route it)");
                continue;
            }
            if (!route.service().equals(service())) {
                wrong.add(op + ": routes.tsv line " + route.line() + " sends it to " + route.service());
            }
            boolean marked = Boolean.TRUE.equals(op.map("").get("x-internal"));
            List<Object> security = op.security();
            switch (route.access()) {
                case "internal" -> {
                    if (!marked) {
                        wrong.add(op + ": internal (routes.tsv line " + route.line() + ") but not marked x-internal: true");
                    }
                }
                case "public" -> {
                    if (security != null && !security.isEmpty()) {
                        wrong.add(op + ": public (routes.tsv line " + route.line() + ") but requires " + security);
                    }
                }
                case "signed-in", ADMIN -> {
                    List<String> roles = route.access().equals(ADMIN) ? List.of(ADMIN) : List.of();
                    Object expected = List.of(Map.of(SCHEME, roles));
                    if (!expected.equals(security)) {
                        wrong.add(op + ": " + route.access() + " (routes.tsv line " + route.line() + ") but requires "
                                + security + " instead of " + expected);
                    }
                }
                default -> wrong.add(op + ": unknown access " + route.access());
            }
            if (marked && !route.access().equals("internal")) {
                wrong.add(op + ": marked x-internal but " + route.access() + " in routes.tsv line " + route.line());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        System.out.printf("%s: %d operations, each called by whom routes.tsv says%n", service(), operations.size());
    }

    @Test
    void everyRouteOfThisServiceIsDocumented() {
        List<RouteTable.Route> table = RouteTable.load();
        List<DocumentedOperation> operations = operations();
        List<String> missing = new ArrayList<>();
        for (RouteTable.Route route : table) {
            // a web page and its files (the console's /console/, the storefront's / and /assets/) are not
            // API operations: a service that serves only a page (the storefront) has none to document
            if (!route.service().equals(service()) || !route.path().startsWith("/api/")) {
                continue;
            }
            for (String method : route.methods()) {
                boolean documented = operations.stream().anyMatch(op -> (method.equals("*")
                        || op.method().equalsIgnoreCase(method)) && route.equals(RouteTable.routeOf(table, op.path(), op.method())));
                if (!documented) {
                    missing.add("routes.tsv line " + route.line() + ": " + method + " " + route.path()
                            + " has no operation in " + service() + "'s document");
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private List<DocumentedOperation> operations() {
        List<DocumentedOperation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains).sorted()
                .forEach(method -> operations.add(new DocumentedOperation(document, path, method))));
        return operations;
    }

    /** One operation of the document: its path template and method. */
    record DocumentedOperation(JsonPath document, String path, String method) {

        String at() {
            return "paths.'" + path + "'." + method;
        }

        Map<String, Object> map(String key) {
            Map<String, Object> value = document.getMap(key.isEmpty() ? at() : at() + "." + key);
            return value == null ? Map.of() : value;
        }

        boolean hasBody() {
            return document.get(at() + ".requestBody") != null;
        }

        boolean hasParameters() {
            List<Object> own = document.getList(at() + ".parameters");
            List<Object> shared = document.getList("paths.'" + path + "'.parameters");
            return own != null && !own.isEmpty() || shared != null && !shared.isEmpty();
        }

        List<Object> security() {
            return document.getList(at() + ".security");
        }

        /** The roles the requirement names, empty when none (or no requirement). */
        List<String> roles() {
            List<String> roles = document.getList(at() + ".security." + SCHEME + ".flatten()");
            return roles == null ? List.of() : roles;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }
}
