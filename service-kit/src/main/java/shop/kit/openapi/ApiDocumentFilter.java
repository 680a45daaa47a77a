package shop.kit.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import shop.kit.problem.ProblemDocument;
import shop.kit.problem.ProblemMapper;
import shop.kit.problem.ProblemType;

/**
 * Every service's {@code /q/openapi}, told the way the kit answers: each operation lists the
 * problems that can really happen there, each as {@code application/problem+json} of the one
 * {@code Problem} schema, and who may call it. Registered for every service by its annotation (the
 * kit is indexed); it runs once at start-up, after Quarkus's own filters have added the security
 * requirements of {@code @Authenticated} and {@code @RolesAllowed} operations.
 *
 * <p>Per operation:
 * <ul>
 * <li>400 when it takes parameters or a body (the kit's converters and validation name the field);</li>
 * <li>401 when it has a security requirement, 403 when the requirement names a role (admin); a 403
 * Quarkus adds to a role-less {@code @Authenticated} operation is dropped, as the kit answers
 * another user's thing with 404 there; a 403 the service declares itself stays;</li>
 * <li>404 when its path has parameters (no such id, or another user's);</li>
 * <li>413 and 415 when it takes a body ({@code BodyLimit}, the consumed media types);</li>
 * <li>503 always: every operation of the six services reads or writes its store or calls another
 * service, and a store that does not answer is 503 with {@code Retry-After};</li>
 * <li>500 always: what fails unexpectedly is still a Problem, without a trace, and a client's
 * generated code should know that shape too.</li>
 * </ul>
 * Any other error response a service declares ({@code @APIResponse(responseCode = "409", ...)})
 * gets the same problem content. The security requirements all name one scheme,
 * {@link ApiDocs#SESSION_TOKEN} (HTTP bearer), with the roles they need as its list (OpenAPI 3.1
 * allows role names there); public operations have none. Operations marked {@link ApiDocs#INTERNAL}
 * say so in their description.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentFilter implements OASFilter {

    /** What Quarkus writes on the 403 it adds to every secured operation. */
    private static final String QUARKUS_AUTO_403 = "Not Allowed";
    private static final String PROBLEM_REF = "#/components/schemas/" + ApiDocs.PROBLEM_SCHEMA;
    private static final String SERVICE = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.name", String.class).orElse("unknown");
    /** What a client reads in {@code detail}, for the examples of the kit's own problems. */
    private static final Map<ProblemType, String> EXAMPLE_DETAIL = Map.of(
            ProblemType.INVALID_INPUT, "quantity must be greater than 0",
            ProblemType.NOT_SIGNED_IN, ProblemMapper.SIGN_IN_FIRST,
            ProblemType.FORBIDDEN, ProblemMapper.ROLE_MAY_NOT,
            ProblemType.NOT_FOUND, ProblemMapper.NO_SUCH_RESOURCE,
            ProblemType.TOO_LARGE, "the body is larger than 65536 bytes",
            ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json",
            ProblemType.INTERNAL_ERROR, "something went wrong on our side; request 6f1c0e2a9b7d4c3e8a5f1b2c3d4e5f60 is logged",
            ProblemType.UNAVAILABLE, ProblemMapper.STORE_DOES_NOT_ANSWER);

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSecurityScheme(ApiDocs.SESSION_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque session token")
                .description("The token `POST /api/auth/login` returns, sent as `Authorization: Bearer <token>`. "
                        + "The gateway checks it with session-service on every request (401 when it is unknown, "
                        + "expired or logged out) and passes the caller on. An operation whose requirement lists "
                        + "a role (admin) needs that role as well (403 without)."));
        if (api.getInfo() != null && api.getInfo().getDescription() == null) {
            api.getInfo().setDescription("Every error is `application/problem+json` (the `Problem` schema): "
                    + "each operation lists the ones it can answer. Through the gateway, any operation can also be "
                    + "answered by the gateway itself, in the same shape with `answeredBy: gateway`: 429 (too many "
                    + "requests from this client; `Retry-After`), 502 and 504 (the service did not answer), "
                    + "503 (a sign-in could not be checked).");
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> describe(path, item, operation));
            }
        });
    }

    private static void describe(String path, PathItem item, Operation operation) {
        Set<String> roles = normaliseSecurity(operation);
        boolean secured = roles != null;
        boolean body = operation.getRequestBody() != null;
        boolean parameters = body || !parameters(item, operation).isEmpty();
        boolean pathParameters = path.contains("{");

        Map<String, APIResponse> responses = new LinkedHashMap<>();
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            responses.putAll(operation.getResponses().getAPIResponses());
        }
        if (secured && roles.isEmpty() && responses.containsKey("403")
                && QUARKUS_AUTO_403.equals(responses.get("403").getDescription())) {
            responses.remove("403");
        }
        List<ProblemType> happen = new ArrayList<>();
        if (parameters) {
            happen.add(ProblemType.INVALID_INPUT);
        }
        if (secured) {
            happen.add(ProblemType.NOT_SIGNED_IN);
            if (!roles.isEmpty()) {
                happen.add(ProblemType.FORBIDDEN);
            }
        }
        if (pathParameters) {
            happen.add(ProblemType.NOT_FOUND);
        }
        if (body) {
            happen.add(ProblemType.TOO_LARGE);
            happen.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        happen.add(ProblemType.INTERNAL_ERROR);
        happen.add(ProblemType.UNAVAILABLE);
        for (ProblemType type : happen) {
            String code = String.valueOf(type.status());
            APIResponse declared = responses.get(code);
            if (declared == null || declared.getContent() == null || isQuarkusDefault(declared)) {
                responses.put(code, problem(type, declared, path));
            }
        }
        // what a service declared itself (409, 412, 422, ...) is a Problem too
        responses.replaceAll((code, response) -> isError(code) && response.getContent() == null
                ? response.content(problemContent(ProblemType.ofStatus(Integer.parseInt(code)), response.getDescription(), path))
                : response);
        operation.setResponses(OASFactory.createAPIResponses());
        new TreeMap<>(responses).forEach(operation.getResponses()::addAPIResponse);

        if ("true".equals(String.valueOf(extension(operation, ApiDocs.INTERNAL)))) {
            String said = operation.getDescription();
            operation.setDescription("**Internal**: only the other services call this; the gateway does not route it."
                    + (said == null ? "" : "\n\n" + said));
        }
    }

    /**
     * One requirement naming the kit's scheme and the union of the roles any requirement named;
     * {@code null} when the operation has none (public).
     */
    private static Set<String> normaliseSecurity(Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            operation.setSecurity(null);
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        requirements.forEach(requirement -> requirement.getSchemes().values().forEach(roles::addAll));
        operation.setSecurity(new ArrayList<>(List.of(
                OASFactory.createSecurityRequirement().addScheme(ApiDocs.SESSION_TOKEN, new ArrayList<>(roles)))));
        return roles;
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    /** The responses Quarkus adds by itself: a description and nothing else. */
    private static boolean isQuarkusDefault(APIResponse response) {
        return response.getContent() == null
                && List.of("Bad Request", "Not Authorized", QUARKUS_AUTO_403).contains(response.getDescription());
    }

    private static APIResponse problem(ProblemType type, APIResponse declared, String path) {
        boolean generic = declared == null || isQuarkusDefault(declared);
        String description = generic ? type.title() + ": " + type.meaning() : declared.getDescription();
        return OASFactory.createAPIResponse().description(description)
                .content(problemContent(type, generic ? null : declared.getDescription(), path));
    }

    /** The Problem schema, with an example of this type's body as this service would answer at this path. */
    private static org.eclipse.microprofile.openapi.models.media.Content problemContent(ProblemType type, String said,
            String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", type.status());
        example.put("detail", said != null ? said : EXAMPLE_DETAIL.getOrDefault(type, type.title().toLowerCase()));
        example.put("instance", path);
        example.put("requestId", "6f1c0e2a9b7d4c3e8a5f1b2c3d4e5f60");
        if (type == ProblemType.INVALID_INPUT) {
            example.put("errors", List.of(Map.of("field", "quantity", "message", "must be greater than 0")));
        }
        example.put("answeredBy", SERVICE);
        return OASFactory.createContent().addMediaType(ProblemDocument.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)).example(example));
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    private static Object extension(Operation operation, String name) {
        return operation.getExtensions() == null ? null : operation.getExtensions().get(name);
    }
}
