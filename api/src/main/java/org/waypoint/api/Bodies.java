package org.waypoint.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;

/**
 * The checks every resource that takes a JSON body makes: that there is one, and that it keeps the
 * constraints its record declares. Every broken constraint is reported at once (a 400 whose
 * {@code errors} point at each field), before the domain sees any of it. Resources that honour
 * {@code If-Match} call this after the precondition, so a stale version is told as such first.
 */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new ProblemException(ProblemType.VALIDATION, "a JSON body is required");
        }
        return body;
    }

    public static <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = Checks.VALIDATOR.validate(required(body));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    /** Built on first use: the container brings the Bean Validation provider. */
    private static final class Checks {
        private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    }
}
