package org.waypoint.api.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.waypoint.core.referral.IllegalTransitionException;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.DomainException;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.shared.StaleVersionException;

/**
 * The one place that decides what a failure looks like to a client, by the failure's type alone.
 * Known kinds (the domain's refusals, the API's own, bean validation) keep their own safe message;
 * anything else, an IllegalArgumentException or NullPointerException from our own code too, is a
 * fault: a 500 whose only detail is a correlation id, logged on the server with the exception's
 * classes and stack frames but without its messages, which may carry SQL or values someone typed.
 */
public final class ProblemMapping {

    private static final Logger LOG = Logger.getLogger(ProblemMapping.class.getName());

    /** Wrappers added by containers and transactions: what matters is what they wrap. */
    private static final Set<String> WRAPPERS = Set.of(
            "jakarta.ws.rs.ProcessingException",
            "jakarta.ejb.EJBException",
            "jakarta.ejb.EJBTransactionRolledbackException",
            "jakarta.transaction.TransactionalException",
            "jakarta.transaction.RollbackException",
            "jakarta.persistence.RollbackException",
            "jakarta.servlet.ServletException",
            "java.util.concurrent.CompletionException",
            "java.util.concurrent.ExecutionException",
            "java.lang.reflect.InvocationTargetException",
            "java.lang.reflect.UndeclaredThrowableException",
            "org.glassfish.jersey.server.internal.process.MappableException");

    private static final Set<String> OPTIMISTIC_LOCKS = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "org.eclipse.persistence.exceptions.OptimisticLockException");

    private static final int MAX_CHAIN = 32;

    private ProblemMapping() {
    }

    /** The problem a failure stands for; an internal one is logged here, once. */
    public static Problem toProblem(Throwable thrown) {
        List<Throwable> chain = chain(thrown);
        if (chain.stream().anyMatch(t -> isA(t, OPTIMISTIC_LOCKS) || isConcurrentChange(t))) {
            return Problem.of(ProblemType.CONFLICT,
                    "Another request changed the same record at the same time. Read it again, then retry.");
        }
        for (Throwable t : chain) {
            Problem known = known(t);
            if (known != null) {
                return known;
            }
            if (!isA(t, WRAPPERS)) {
                break;
            }
        }
        return internal(thrown);
    }

    /** The same problem for an HTTP status reached without an exception, such as a container's 404. */
    public static Problem forStatus(int status, String reasonPhrase) {
        if (status == ProblemType.INTERNAL.status()) {
            return internal(null);
        }
        Problem problem = Problem.ofStatus(status, reasonPhrase);
        return problem.withDetail(defaultDetail(status));
    }

    /** A 500 with a fresh correlation id, logged with the failure's classes and frames. */
    public static Problem internal(Throwable thrown) {
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, () -> "Unhandled failure, correlation id " + correlationId
                + (thrown == null ? " (no exception)" : System.lineSeparator() + SafeTrace.of(thrown)));
        return Problem.of(ProblemType.INTERNAL, "Please try again later. If you report this, quote the correlation id.")
                .withCorrelationId(correlationId);
    }

    private static Problem known(Throwable t) {
        if (t instanceof ProblemException p) {
            return p.toProblem();
        }
        if (t instanceof ConstraintViolationException c) {
            return violations(c);
        }
        if (t instanceof DomainException domain) {
            return domain(domain);
        }
        if (t instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (status >= 500) {
                return status == ProblemType.INTERNAL.status() ? internal(w) : Problem.ofStatus(status, reason(w));
            }
            return Problem.ofStatus(status, reason(w)).withDetail(defaultDetail(status));
        }
        return null;
    }

    /**
     * A failure the domain's rules foresee, by its type alone: its message is written to be shown
     * (it names fields, kinds and states, never values), so it becomes the detail.
     */
    static Problem domain(DomainException e) {
        ProblemType kind = kindOf(e);
        return kind == null ? internal(e) : Problem.of(kind, e.getMessage());
    }

    private static ProblemType kindOf(DomainException e) {
        if (e instanceof NotSignedInException) {
            return ProblemType.UNAUTHORIZED;
        }
        if (e instanceof NotPermittedException) {
            return ProblemType.FORBIDDEN;
        }
        if (e instanceof NotFoundException) {
            return ProblemType.NOT_FOUND;
        }
        if (e instanceof StaleVersionException) {
            return ProblemType.PRECONDITION_FAILED;
        }
        if (e instanceof IllegalTransitionException) {
            return ProblemType.ILLEGAL_TRANSITION;
        }
        if (e instanceof ConflictException) {
            return ProblemType.CONFLICT;
        }
        if (e instanceof InvalidField || e instanceof RuleViolation) {
            return ProblemType.VALIDATION;
        }
        return null;
    }

    private static Problem violations(ConstraintViolationException c) {
        Set<ConstraintViolation<?>> violations = c.getConstraintViolations();
        if (violations == null || violations.isEmpty()) {
            return internal(c);
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String field = fieldPath(violation.getPropertyPath());
            if (field == null) {
                // A response that breaks its own constraints is our fault, not the client's.
                return internal(c);
            }
            errors.add(new FieldError(field, violation.getMessage()));
        }
        // A record component's constraint sits on its field and its accessor alike: one error each.
        List<FieldError> distinct = errors.stream().distinct()
                .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::detail)).toList();
        return Problem.of(ProblemType.VALIDATION, distinct.size() == 1 ? "1 field is invalid" : distinct.size() + " fields are invalid")
                .withErrors(distinct);
    }

    /**
     * Where the field is in the request body, as an RFC 6901 JSON pointer ({@code /needs/needs/2}),
     * without the Java method and parameter that method validation puts in front; null for a return
     * value. A violation of the body as a whole points at the whole document, {@code ""}.
     */
    static String fieldPath(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.RETURN_VALUE) {
                return null;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                pointer.append('/').append(at == null ? "-" : escape(String.valueOf(at)));
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null && !node.getName().isEmpty()) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not support that method; the Allow header lists those it does.";
            case 406 -> "This address cannot answer in any of the media types the Accept header lists.";
            case 415 -> "This address does not accept a body of that Content-Type.";
            default -> null;
        };
    }

    private static String reason(WebApplicationException w) {
        return w.getResponse().getStatusInfo().getReasonPhrase();
    }

    /**
     * A transaction the database refused because another one touched the same rows at the same time:
     * SQL state class 40 (serialization failure, deadlock; Derby's lock timeout is 40XL1), or 23505,
     * a unique key that a simultaneous request took first (each had checked that it was free).
     */
    private static boolean isConcurrentChange(Throwable t) {
        return t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("23505"));
    }

    private static boolean isA(Throwable t, Set<String> classNames) {
        for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (classNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && chain.size() < MAX_CHAIN && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
