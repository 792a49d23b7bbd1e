package org.waypoint.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.waypoint.core.account.SignInFailed;
import org.waypoint.core.referral.ReferralEvents;
import org.waypoint.core.referral.Urgency;
import org.waypoint.notifications.outbox.DeliveryAttempts;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.OutboxStatus;

/**
 * Waypoint's meters, in one Prometheus registry that {@code /metrics} shows. Counters are counted
 * where things happen, from the events the modules already announce (a referral submitted, a sign-in
 * refused, a dispatcher's batch), after the change they report has committed; the gauges read the
 * database at scrape ({@link DatabaseFigures}); the JVM's come from Micrometer's binders. No tag
 * holds anything about a person: states, kinds, urgencies, reasons, methods, route templates and
 * status codes only. Every counter exists from the start, at zero, so alerts see it before it moves.
 */
@ApplicationScoped
public class OperationalMetrics {

    private static final String[] CHANNELS = {"email", "webhook"};

    private final DatabaseFigures figures;
    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    @Inject
    public OperationalMetrics(DatabaseFigures figures) {
        this.figures = figures;
    }

    /** For CDI's proxy only. */
    protected OperationalMetrics() {
        this(null);
    }

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (OutboxStatus status : new OutboxStatus[] {OutboxStatus.PENDING, OutboxStatus.FAILED}) {
            for (MailKind kind : MailKind.values()) {
                Gauge.builder("waypoint.outbox.messages", () -> figures.current().count(status, kind))
                        .description("Outbox messages waiting (PENDING) or given up (FAILED), by kind")
                        .tags("status", status.name(), "kind", kind.name()).register(registry);
            }
        }
        Gauge.builder("waypoint.outbox.oldest.pending.age", () -> figures.current().oldestPendingSeconds())
                .description("Age of the oldest outbox message still waiting to be sent; 0 when none waits")
                .baseUnit("seconds").register(registry);
        Gauge.builder("waypoint.referrals.overdue", () -> figures.current().overdue())
                .description("Referrals sent and not acknowledged by their due time").register(registry);
        for (String channel : CHANNELS) {
            deliveries(channel);
            failures(channel, "retrying");
            failures(channel, "failed");
        }
        for (Urgency urgency : Urgency.values()) {
            submitted(urgency.name());
        }
        for (SignInFailed.Reason reason : SignInFailed.Reason.values()) {
            signInFailures(reason);
        }
        lockouts();
    }

    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }

    /** Everything, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Times one HTTP request, named by its route template (never its raw path). */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests").description("HTTP requests by method, route template and status")
                .tags(Tags.of("method", method, "route", route, "status", Integer.toString(status)))
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(3))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void referralSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReferralEvents.Submitted submitted) {
        submitted(submitted.urgency() == null ? "UNKNOWN" : submitted.urgency().name()).increment();
    }

    void signInFailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignInFailed failed) {
        signInFailures(failed.reason()).increment();
        if (failed.lockedAccount()) {
            lockouts().increment();
        }
    }

    void dispatched(@Observes DeliveryAttempts attempts) {
        String channel = attempts.webhooks() ? "webhook" : "email";
        deliveries(channel).increment(attempts.sent());
        failures(channel, "retrying").increment(attempts.retrying());
        failures(channel, "failed").increment(attempts.failed());
    }

    private Counter submitted(String urgency) {
        return Counter.builder("waypoint.referrals.submitted").description("Referrals sent to a service")
                .tag("urgency", urgency).register(registry);
    }

    private Counter signInFailures(SignInFailed.Reason reason) {
        return Counter.builder("waypoint.sign.in.failures").description("Sign-ins with e-mail and password refused")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter lockouts() {
        return Counter.builder("waypoint.account.lockouts").description("Accounts locked after repeated failed sign-ins")
                .register(registry);
    }

    private Counter deliveries(String channel) {
        return Counter.builder("waypoint.outbox.deliveries").description("Outbox messages delivered")
                .tag("channel", channel).register(registry);
    }

    private Counter failures(String channel, String outcome) {
        return Counter.builder("waypoint.outbox.delivery.failures")
                .description("Failed delivery attempts: retrying, or failed for good")
                .tags("channel", channel, "outcome", outcome).register(registry);
    }
}
