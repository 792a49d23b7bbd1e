package org.waypoint.core.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.waypoint.core.shared.crypto.FieldCipher;

/** Beans the container cannot make by itself: the clock (UTC; tests use a fixed one) and the field cipher. */
@ApplicationScoped
public class Producers {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    FieldCipher fieldCipher() {
        return FieldCipher.current();
    }
}
