package org.waypoint.web.http;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready from the moment the process is told to stop (SIGTERM): a load balancer then sends no new
 * requests, while Payara Micro's shutdown grace ({@code --shutdowngrace}, bin/waypoint) goes on serving
 * those already sent before it undeploys the application. The JVM runs its shutdown hooks together,
 * so this one turns readiness off while Payara's waits out the grace.
 */
@Readiness
@ApplicationScoped
public class StopReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StopReadiness.class.getName());

    private volatile boolean stopping;
    private final Thread hook = new Thread(this::stopping, "waypoint-stop-readiness");

    void watch(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stopping() {
        stopping = true;
        LOG.info("Stopping: readiness is down, requests in flight are being finished");
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting requests").status(!stopping).build();
    }

    /** An application undeployed from a server that goes on (tests, redeploys) leaves no hook behind. */
    @PreDestroy
    void forget() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook has run or is running: nothing to forget
        }
    }
}
