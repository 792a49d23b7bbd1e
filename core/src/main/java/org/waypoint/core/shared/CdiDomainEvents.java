package org.waypoint.core.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** Domain events as synchronous CDI events. */
@ApplicationScoped
public class CdiDomainEvents implements DomainEvents {

    private final Event<Object> events;

    @Inject
    public CdiDomainEvents(Event<Object> events) {
        this.events = events;
    }

    /** For CDI's proxy only. */
    protected CdiDomainEvents() {
        this.events = null;
    }

    @Override
    public void publish(Object event) {
        events.fire(event);
    }
}
