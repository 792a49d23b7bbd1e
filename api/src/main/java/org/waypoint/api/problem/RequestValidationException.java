package org.waypoint.api.problem;

import java.util.List;

/**
 * A request whose fields a resource found invalid; answered 400 with every failing field's path.
 * Messages say what is wrong ("must be in the past"), never what was sent.
 */
public class RequestValidationException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public RequestValidationException(List<FieldError> errors) {
        super(ProblemType.VALIDATION, errors.size() == 1
                ? "1 field is invalid"
                : errors.size() + " fields are invalid");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public static RequestValidationException of(String pointer, String detail) {
        return new RequestValidationException(List.of(new FieldError(pointer, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Problem toProblem() {
        return super.toProblem().withErrors(errors);
    }
}
