package shop.catalog.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * The endpoint needs a signed-in caller: {@link IdentityFilters} answers 401 before the body is
 * read or validated. Ownership (one's own orders) is checked by the service, which knows the owner.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SignedIn {
}
