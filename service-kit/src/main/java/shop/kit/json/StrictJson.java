package shop.kit.json;

import java.io.IOException;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON read strictly and numbers kept exact, in every service: a wrong type is 400, never
 * silently coerced (1.5 is not a quantity, {@code "12"} is not a number, {@code null} is not a
 * number, {@code {}{}} is not one body), and decimals stay decimals (a price 49.50 passes from body to event to index to feed as
 * 49.50, never as 49.499999...).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // "12" is text, not a number; a number is not text
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        // Jackson also reads a UUID from 24 characters of base64: only the canonical form names a thing
        mapper.registerModule(new SimpleModule("canonical-uuids").addDeserializer(UUID.class, new CanonicalUuid()));
    }

    /** A UUID in its canonical text form (8-4-4-4-12 hex digits) and no other. */
    static final class CanonicalUuid extends StdScalarDeserializer<UUID> {

        CanonicalUuid() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (UUID) context.handleUnexpectedToken(UUID.class, parser);
            }
            String text = parser.getText();
            try {
                UUID parsed = UUID.fromString(text);
                if (parsed.toString().equalsIgnoreCase(text)) {
                    return parsed;
                }
            } catch (IllegalArgumentException notAUuid) {
                // refused below, naming the field
            }
            return (UUID) context.handleWeirdStringValue(UUID.class, text, "not a canonical UUID");
        }
    }
}
