package shop.session.session;

import java.net.URI;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * In Kubernetes, Envoy Gateway's external authorization calls introspection as
 * {@code /api/sessions/introspect} + the client's own path, with the client's own method (and no
 * body). Every such call is the same question, "who does this bearer token sign in?", so it is
 * answered by the one introspection endpoint. nginx's auth_request (locally) calls the plain path.
 */
public class ForwardedIntrospection {

    static final String PATH = "/api/sessions/introspect";

    @ServerRequestFilter(preMatching = true)
    public void asIntrospection(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path.startsWith(PATH + "/")) {
            request.setMethod(HttpMethod.GET);
            request.setRequestUri(URI.create(request.getUriInfo().getBaseUri().resolve(PATH.substring(1)).toString()));
        }
    }
}
