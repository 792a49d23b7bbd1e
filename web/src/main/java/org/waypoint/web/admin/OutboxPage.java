package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Objects;
import org.waypoint.core.shared.ConflictException;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.notifications.mail.MailSettings;
import org.waypoint.notifications.mail.PickupFile;
import org.waypoint.notifications.outbox.OutboxAdmin;
import org.waypoint.notifications.outbox.OutboxEntry;
import org.waypoint.notifications.outbox.OutboxStatus;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The e-mail outbox: messages failed and waiting, with a retry for the failed ones, and, when no
 * SMTP server is configured, the messages written to the pickup folder. It shows what kind of
 * message each is and where it goes, with the recipient's address masked; never what it says.
 */
@Named("adminOutbox")
@RequestScoped
public class OutboxPage {

    /** The pickup folder keeps every message; the page lists the newest ones. */
    static final int PICKUP_SHOWN = 50;

    @Inject
    OutboxAdmin outbox;

    @Inject
    MailSettings settings;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String failedPage;
    private String pendingPage;
    private Section failed;
    private Section pending;
    private Pickup pickup;

    public Section getFailed() {
        if (failed == null) {
            failed = section(OutboxStatus.FAILED, AdminText.pageNumber(failedPage));
        }
        return failed;
    }

    public Section getPending() {
        if (pending == null) {
            pending = section(OutboxStatus.PENDING, AdminText.pageNumber(pendingPage));
        }
        return pending;
    }

    private Section section(OutboxStatus status, int page) {
        org.waypoint.notifications.outbox.OutboxPage found = outbox.list(me.actor(), status, page);
        List<Row> rows = found.items().stream().map(OutboxPage::row).toList();
        boolean hasNext = (long) (found.page() + 1) * found.size() < found.total();
        return new Section(rows, found.total(), found.page(), found.page() > 0, hasNext);
    }

    private static Row row(OutboxEntry entry) {
        return new Row(entry.id(), entry.kind().subject(), mask(entry.recipient()), Format.time(entry.createdAt()),
                entry.attempts(), Format.time(entry.nextAttemptAt()), Objects.requireNonNullElse(entry.lastError(), ""));
    }

    /** Whether messages go to the pickup folder, there being no SMTP server configured. */
    public boolean isUsesPickupFolder() {
        return !settings.usesSmtp();
    }

    public Pickup getPickup() {
        if (pickup == null) {
            List<PickupFile> files = outbox.pickupFiles(me.actor());
            List<PickupRow> shown = files.stream().limit(PICKUP_SHOWN)
                    .map(f -> new PickupRow(f.outboxId() + ".eml", Format.time(f.written()),
                            outbox.pickupSubject(me.actor(), f.outboxId()).orElse("")))
                    .toList();
            pickup = new Pickup(shown, files.size());
        }
        return pickup;
    }

    public String failedLink(int page) {
        return AdminText.query("failedPage", Integer.toString(page), "pendingPage", Integer.toString(getPending().page()));
    }

    public String pendingLink(int page) {
        return AdminText.query("failedPage", Integer.toString(getFailed().page()), "pendingPage", Integer.toString(page));
    }

    public void retry() {
        if (!gate.allowed()) {
            return;
        }
        String id = Form.value("message");
        if (!Pages.isId(id)) {
            errors.add("failed", AdminText.text("outbox.error.gone"));
            return;
        }
        try {
            outbox.retry(me.actor(), id);
        } catch (NotFoundException | ConflictException gone) {
            errors.add("failed", AdminText.text("outbox.error.gone"));
            return;
        }
        Pages.redirect("/admin/outbox", "done", "retried");
    }

    /**
     * An address as the page shows it: the first letter of the mailbox, then dots, and the domain,
     * so that an administrator can tell where a message goes without reading who it is for.
     */
    static String mask(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return "•••";
        }
        return address.charAt(0) + "•••" + address.substring(at);
    }

    /** One page of outbox messages in one state. */
    public record Section(List<Row> rows, long total, int page, boolean hasPrevious, boolean hasNext) {
    }

    /** One outbox message: its kind's generic subject, where it goes (masked), and how delivery is going. */
    public record Row(String id, String subject, String recipient, String created, int attempts, String nextAttempt,
                      String lastError) {

        public String retryLabel() {
            return AdminText.text("outbox.retryLabel", created);
        }
    }

    /** The newest messages in the pickup folder, and how many there are in all. */
    public record Pickup(List<PickupRow> rows, int total) {
    }

    /** One message in the pickup folder. */
    public record PickupRow(String fileName, String written, String subject) {
    }

    public String getFailedPage() {
        return failedPage;
    }

    public void setFailedPage(String failedPage) {
        this.failedPage = failedPage;
    }

    public String getPendingPage() {
        return pendingPage;
    }

    public void setPendingPage(String pendingPage) {
        this.pendingPage = pendingPage;
    }
}
