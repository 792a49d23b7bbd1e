package org.waypoint.core.shared;

/**
 * Where the domain announces what has happened. Events are delivered synchronously, inside the
 * transaction of the change, so that what reacts to them (the e-mail outbox) commits or rolls back
 * with it.
 */
public interface DomainEvents {

    void publish(Object event);
}
