package org.waypoint.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.waypoint.api.problem.Violations.node;
import static org.waypoint.api.problem.Violations.nodeAt;
import static org.waypoint.api.problem.Violations.violation;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.core.referral.IllegalTransitionException;
import org.waypoint.core.referral.ReferralAction;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.NotPermittedException;
import org.waypoint.core.shared.NotSignedInException;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.shared.StaleVersionException;

class ProblemMappingTest {

    private static final String PROBLEMS = "https://waypoint.example/problems/";

    private final Logger log = Logger.getLogger(ProblemMapping.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
        log.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    @Test
    void aMissingRecordIs404NamingOnlyItsKind() {
        Problem problem = ProblemMapping.toProblem(new NotFoundException("referral"));

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "not-found"));
        assertThat(problem.detail()).isEqualTo("referral not found");
        assertThat(problem.correlationId()).isNull();
    }

    @Test
    void anActionTheRoleMayNotTakeIs403() {
        Problem problem = ProblemMapping.toProblem(new NotPermittedException("accept referrals"));

        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "forbidden"));
        assertThat(problem.detail()).isEqualTo("not permitted to accept referrals");
    }

    @Test
    void anIllegalTransitionIs409NamingTheState() {
        Problem problem = ProblemMapping.toProblem(new IllegalTransitionException(ReferralStatus.COMPLETED, ReferralAction.ACCEPT));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "illegal-transition"));
        assertThat(problem.detail()).isEqualTo("cannot accept a referral that is completed");
    }

    @Test
    void aFieldOrRuleTheRequestBreaksIs400AndAConflictWithTheRecordsIs409() {
        Problem field = ProblemMapping.toProblem(new InvalidField("reason", "error.reason.required", "a reason is required"));
        Problem rule = ProblemMapping.toProblem(new RuleViolation("error.dateRange.order", "the span of time ends before it starts"));
        Problem conflict = ProblemMapping.toProblem(new ConflictException("error.account.exists", "an account with that e-mail address exists"));

        assertThat(field.status()).isEqualTo(400);
        assertThat(field.type()).isEqualTo(URI.create(PROBLEMS + "validation"));
        assertThat(field.detail()).isEqualTo("a reason is required");
        assertThat(rule.status()).isEqualTo(400);
        assertThat(rule.type()).isEqualTo(URI.create(PROBLEMS + "validation"));
        assertThat(rule.detail()).isEqualTo("the span of time ends before it starts");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.type()).isEqualTo(URI.create(PROBLEMS + "conflict"));
        assertThat(conflict.detail()).isEqualTo("an account with that e-mail address exists");
        assertThat(List.of(field, rule, conflict)).allSatisfy(p -> assertThat(p.correlationId()).isNull());
    }

    @Test
    void nobodySignedInIs401AndAStaleVersionIs412() {
        assertThat(ProblemMapping.toProblem(new NotSignedInException()).status()).isEqualTo(401);
        assertThat(ProblemMapping.toProblem(new StaleVersionException("service")).status()).isEqualTo(412);
    }

    @Test
    void anIllegalArgumentStateOrNullFromOurOwnCodeIsInternalNotTheClientsFault() {
        List<Throwable> faults = List.of(
                new IllegalArgumentException("a batch has at least one row"),
                new IllegalStateException("the retention run lost its lease"),
                catchThrowable(() -> Objects.requireNonNull(null, "a referral is for a client")),
                catchThrowable(() -> ((String) null).length()));

        for (Throwable fault : faults) {
            assertThat(fault.getStackTrace()[0].getClassName() + fault.getStackTrace()[1].getClassName())
                    .as("thrown from Waypoint's own code").contains("org.waypoint.");
            Problem problem = ProblemMapping.toProblem(fault);
            assertThat(problem.status()).as(fault.toString()).isEqualTo(500);
            assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "internal"));
            assertThat(problem.correlationId()).isNotBlank();
            assertThat(problem.toString()).doesNotContain(String.valueOf(fault.getMessage()));
        }
    }

    @Test
    void anIllegalArgumentFromALibraryIsInternalBecauseItsMessageMayQuoteTheInput() {
        Throwable fromTheJdk = catchThrowable(() -> ReferralStatus.valueOf("Jane Doe"));

        Problem problem = ProblemMapping.toProblem(fromTheJdk);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.toString()).doesNotContain("Jane").doesNotContain("enum");
    }

    @Test
    void aConcurrentChangeIs409EvenDeepInsideTransactionWrappers() {
        List<Throwable> wrapped = List.of(
                new OptimisticLockException("Row was updated"),
                new RollbackException(new OptimisticLockException()),
                new TransactionalException("rolled back", new RollbackException(new OptimisticLockException())),
                new EJBException(new RollbackException("commit failed", new OptimisticLockException())),
                new RollbackException(new java.sql.SQLTransactionRollbackException("A lock could not be obtained", "40XL1")),
                new RollbackException(new java.sql.SQLException("deadlock detected", "40P01")),
                new RollbackException(new java.sql.SQLIntegrityConstraintViolationException("duplicate key value", "23505")));

        for (Throwable thrown : wrapped) {
            Problem problem = ProblemMapping.toProblem(thrown);
            assertThat(problem.status()).as(thrown.toString()).isEqualTo(409);
            assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "conflict"));
            assertThat(problem.detail()).doesNotContain("Row");
        }
    }

    @Test
    void aDomainExceptionIsFoundInsideContainerWrappers() {
        Problem problem = ProblemMapping.toProblem(
                new EJBException(new ProcessingException("reading", new NotFoundException("service"))));

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.detail()).isEqualTo("service not found");
    }

    @Test
    void aDomainExceptionWrappedBySomethingUnforeseenIsInternal() {
        Problem problem = ProblemMapping.toProblem(new RuntimeException("boom", new NotFoundException("service")));

        assertThat(problem.status()).isEqualTo(500);
    }

    @Test
    void anythingElseIs500WithACorrelationIdThatIsLoggedWithoutTheMessage() {
        SQLException sql = new SQLException("INSERT INTO client (name) VALUES ('Jane Doe')");
        Throwable thrown = new IllegalStateException("wrapping", new RuntimeException(sql)) {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized StackTraceElement[] getStackTrace() {
                return new StackTraceElement[] {new StackTraceElement("org.eclipse.persistence.Foo", "bar", "Foo.java", 1)};
            }
        };

        Problem problem = ProblemMapping.toProblem(thrown);

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "internal"));
        assertThat(problem.correlationId()).matches("[0-9a-f-]{36}");
        assertThat(problem.toString()).doesNotContain("Jane", "INSERT", "SQL", "Exception", "at org.");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getMessage())
                    .contains(problem.correlationId())
                    .contains("java.sql.SQLException")
                    .contains("at org.eclipse.persistence.Foo.bar")
                    .doesNotContain("Jane", "INSERT");
        });
    }

    @Test
    void aConstraintViolationIs400WithTheFieldsAsTheClientNamesThem() {
        ConstraintViolationException thrown = new ConstraintViolationException(Set.of(
                violation("must be in the past",
                        node(ElementKind.METHOD, "create"), node(ElementKind.PARAMETER, "request"),
                        node(ElementKind.PROPERTY, "client"), node(ElementKind.PROPERTY, "dateOfBirth")),
                violation("must not be blank",
                        node(ElementKind.METHOD, "create"), node(ElementKind.PARAMETER, "request"),
                        node(ElementKind.PROPERTY, "needs"), nodeAt(ElementKind.PROPERTY, "code", 2)),
                violation("must not be null",
                        node(ElementKind.METHOD, "create"), node(ElementKind.PARAMETER, "request"))));

        Problem problem = ProblemMapping.toProblem(thrown);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "validation"));
        assertThat(problem.errors()).containsExactly(
                new FieldError("", "must not be null"),
                new FieldError("/client/dateOfBirth", "must be in the past"),
                new FieldError("/needs/2/code", "must not be blank"));
        assertThat(problem.toString()).doesNotContain("Jane");
    }

    @Test
    void aResponseBreakingItsOwnConstraintsIsInternal() {
        ConstraintViolationException thrown = new ConstraintViolationException(Set.of(
                violation("must not be null", node(ElementKind.METHOD, "list"), node(ElementKind.RETURN_VALUE, null))));

        assertThat(ProblemMapping.toProblem(thrown).status()).isEqualTo(500);
    }

    @Test
    void aResourcesOwnValidationFailureKeepsItsFieldPaths() {
        Problem problem = ProblemMapping.toProblem(RequestValidationException.of("/dateOfBirth", "must be in the past"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(URI.create(PROBLEMS + "validation"));
        assertThat(problem.errors()).containsExactly(new FieldError("/dateOfBirth", "must be in the past"));
    }

    @Test
    void aContainersStatusWithoutAnExceptionHasItsKind() {
        assertThat(ProblemMapping.forStatus(404, "Not Found").type()).isEqualTo(URI.create(PROBLEMS + "not-found"));
        assertThat(ProblemMapping.forStatus(415, "Unsupported Media Type").type()).isEqualTo(URI.create(PROBLEMS + "unsupported-media-type"));
        assertThat(ProblemMapping.forStatus(418, "I'm a teapot").type()).isEqualTo(URI.create("about:blank"));
        assertThat(ProblemMapping.forStatus(418, "I'm a teapot").title()).isEqualTo("I'm a teapot");
        assertThat(ProblemMapping.forStatus(500, "Internal Server Error").correlationId()).isNotBlank();
    }
}
