package org.waypoint.notifications.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;
import org.waypoint.notifications.outbox.TransactionRunner;

/** A new JTA transaction for each piece of the dispatcher's work. */
@ApplicationScoped
public class ContainerTransactions implements TransactionRunner {

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
