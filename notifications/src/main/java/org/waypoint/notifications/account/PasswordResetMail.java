package org.waypoint.notifications.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.waypoint.core.account.PasswordResetRequested;
import org.waypoint.core.account.UserAccount;
import org.waypoint.core.account.UserAccountRepository;
import org.waypoint.notifications.outbox.Outbox;
import org.waypoint.notifications.outbox.OutboxMessage;
import org.waypoint.notifications.templates.Links;
import org.waypoint.notifications.templates.MailTemplates;

/**
 * Queues the password reset e-mail to the account holder's own address, in the transaction that
 * made the link, so that a link whose making rolls back is never sent.
 */
@ApplicationScoped
public class PasswordResetMail {

    private final Outbox outbox;
    private final UserAccountRepository accounts;
    private final MailTemplates templates;
    private final Links links;
    private final Clock clock;

    @Inject
    public PasswordResetMail(Outbox outbox, UserAccountRepository accounts, MailTemplates templates, Links links,
                             Clock clock) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.templates = templates;
        this.links = links;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected PasswordResetMail() {
        this(null, null, null, null, null);
    }

    public void on(@Observes PasswordResetRequested event) {
        UserAccount account = accounts.find(event.userId())
                .orElseThrow(() -> new IllegalStateException("a reset link for an unknown account " + event.userId()));
        outbox.add(new OutboxMessage(templates.renderPasswordReset(links.passwordReset(event.token())), account.email(),
                Optional.empty(), clock.instant()));
    }
}
