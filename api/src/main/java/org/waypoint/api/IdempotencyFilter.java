package org.waypoint.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.api.security.RequestActor;
import org.waypoint.core.shared.Actor;

/**
 * Makes an {@link Idempotent} POST safe to repeat: the first request with a user's
 * {@code Idempotency-Key} runs and its response is kept; a repeat with the same body gets that
 * response again (marked {@code Idempotent-Replayed: true}) and changes nothing, even when it arrives
 * while the first is still running; the same key with a different body is refused. A server error
 * forgets the key, so that a retry runs again. Records are kept for {@code waypoint.api.idempotency-retention}
 * ({@link IdempotencySweeper}): a key repeated after that is a new request.
 */
@Provider
@Idempotent
@Priority(Priorities.AUTHORIZATION + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    private static final int WAIT_STEPS = 100;
    private static final long WAIT_MILLIS = 100;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Idempotency idempotency;

    @Inject
    RequestActor actor;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        Optional<Actor> caller = actor.get();
        if (key == null || caller.isEmpty()) {
            return;
        }
        Idempotency.requireValidKey(key);
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = hash(request.getMethod() + " " + request.getUriInfo().getPath() + "\n", body);
        String userId = caller.get().userId();
        try {
            idempotency.claim(userId, key, hash);
            request.setProperty(CLAIMED, new String[] {userId, key});
            return;
        } catch (RuntimeException alreadyClaimed) {
            // a first request with this key exists, finished or not
        }
        for (int step = 0; step < WAIT_STEPS; step++) {
            Idempotency.Decision decision = idempotency.decide(userId, key, hash);
            if (decision instanceof Idempotency.Decision.Replay replay) {
                request.abortWith(replay(replay.response()));
                return;
            }
            if (decision instanceof Idempotency.Decision.Mismatch) {
                throw new ProblemException(ProblemType.CONFLICT, "this Idempotency-Key was used for a different request");
            }
            pause();
        }
        throw new ProblemException(ProblemType.CONFLICT, "a request with this Idempotency-Key is still being handled; try again");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof String[] claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            idempotency.abandon(claim[0], claim[1]);
            return;
        }
        Optional<String> body = response.hasEntity() ? Optional.of(JSON.toJson(response.getEntity())) : Optional.empty();
        idempotency.complete(claim[0], claim[1], new StoredResponse(response.getStatus(), body,
                Optional.ofNullable(response.getLocation()).map(Object::toString),
                Optional.ofNullable(response.getEntityTag()).map(tag -> tag.getValue())));
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        stored.body().ifPresent(body -> builder.entity(body).type(stored.status() >= 400
                ? MediaType.valueOf("application/problem+json") : MediaType.APPLICATION_JSON_TYPE));
        stored.location().ifPresent(location -> builder.header("Location", location));
        stored.etag().ifPresent(tag -> builder.tag(tag));
        return builder.build();
    }

    private static String hash(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request with this key", e);
        }
    }
}
