package org.waypoint.api.problem;

/**
 * A problem the API itself detects, with a detail that is safe to show the client: it names
 * fields and limits, never the values sent.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType kind;

    public ProblemException(ProblemType kind, String safeDetail) {
        super(safeDetail);
        this.kind = kind;
    }

    public ProblemType kind() {
        return kind;
    }

    public Problem toProblem() {
        return Problem.of(kind, getMessage());
    }
}
