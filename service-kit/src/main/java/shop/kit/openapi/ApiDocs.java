package shop.kit.openapi;

/**
 * The names a service's OpenAPI annotations use to say what the kit's {@link ApiDocumentFilter}
 * cannot see from the code: a requirement the gateway enforces on a route the service leaves open,
 * and an operation only the other services call.
 */
public final class ApiDocs {

    /**
     * The security scheme of every signed-in and admin operation: the session token the gateway
     * checks ({@code Authorization: Bearer <token>}). An operation's requirement lists the roles it
     * needs besides ({@code admin}). Name it in {@code @SecurityRequirement(name = ApiDocs.SESSION_TOKEN)}
     * where the service does not say {@code @Authenticated} or {@code @RolesAllowed} itself.
     */
    public static final String SESSION_TOKEN = "sessionToken";

    /**
     * {@code x-internal: true}: only the other services call this operation; the gateway never
     * routes it (the route table's {@code internal}). Put it on with
     * {@code @Extension(name = ApiDocs.INTERNAL, value = "true", parseValue = true)}.
     */
    public static final String INTERNAL = "x-internal";

    /** The one schema of every error body, {@link shop.kit.problem.ProblemDocument}. */
    public static final String PROBLEM_SCHEMA = "Problem";

    private ApiDocs() {
    }
}
