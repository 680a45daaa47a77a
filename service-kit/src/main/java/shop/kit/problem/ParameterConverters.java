package shop.kit.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Path, query and header parameters of the common types (UUID, whole numbers, decimals) converted
 * with a 400 that names the parameter ({@code errors: [{field: "days", message: "must be a whole
 * number"}]}) instead of JAX-RS's 404 without one. A resource declares {@code @PathParam("id") UUID id}
 * or {@code @QueryParam("days") Integer days} and never parses by hand.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Optional<String> name = nameOf(annotations);
        if (name.isEmpty()) {
            return null;
        }
        // a path segment is always there: an empty or blank one (/api/feed/%20) names nothing and is
        // refused; an empty query value (?size=) is no value, and the default applies
        boolean inPath = Arrays.stream(annotations).anyMatch(PathParam.class::isInstance);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name.get(), inPath, "must be a UUID", ParameterConverters::uuid,
                    UUID::toString);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name.get(), inPath, "must be a whole number", Integer::valueOf,
                    String::valueOf);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name.get(), inPath, "must be a whole number", Long::valueOf,
                    String::valueOf);
        }
        if (rawType == BigDecimal.class) {
            return (ParamConverter<T>) converter(name.get(), inPath, "must be a number", BigDecimal::new,
                    BigDecimal::toPlainString);
        }
        return null;
    }

    /** Only the canonical form names a thing: UUID.fromString also takes 1-2-3-4-5. */
    static UUID uuid(String text) {
        UUID parsed = UUID.fromString(text);
        if (!parsed.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return parsed;
    }

    private static <T> ParamConverter<T> converter(String name, boolean inPath, String expected,
            Function<String, T> parse, Function<T, String> print) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    if (inPath) {
                        throw Problem.invalid(name, expected);
                    }
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException | ArithmeticException notIt) {
                    throw Problem.invalid(name, expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : print.apply(value);
            }
        };
    }

    private static Optional<String> nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return Optional.of(path.value());
            }
            if (annotation instanceof QueryParam query) {
                return Optional.of(query.value());
            }
            if (annotation instanceof HeaderParam header) {
                return Optional.of(header.value());
            }
            if (annotation instanceof MatrixParam matrix) {
                return Optional.of(matrix.value());
            }
            if (annotation instanceof CookieParam cookie) {
                return Optional.of(cookie.value());
            }
            if (annotation instanceof FormParam form) {
                return Optional.of(form.value());
            }
        }
        return Optional.empty();
    }
}
