package shop.session;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A required whole number in [min, max], given as text (a query parameter). Query parameters are
 * taken as strings so that {@code ?limit=abc} is a 400 naming {@code limit}, with one message,
 * rather than the 404 JAX-RS gives for a query parameter it cannot convert.
 */
@Retention(RUNTIME)
@Target({ PARAMETER, FIELD })
@Constraint(validatedBy = IntegerIn.Validator.class)
public @interface IntegerIn {

    long min();

    long max();

    String message() default "must be a whole number from {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IntegerIn, String> {

        private long min;
        private long max;

        @Override
        public void initialize(IntegerIn bounds) {
            this.min = bounds.min();
            this.max = bounds.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !value.strip().matches("-?[0-9]{1,18}")) {
                return false;
            }
            long number = Long.parseLong(value.strip());
            return number >= min && number <= max;
        }
    }
}
