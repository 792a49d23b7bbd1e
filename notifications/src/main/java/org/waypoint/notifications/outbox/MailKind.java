package org.waypoint.notifications.outbox;

/**
 * The kinds of message in the outbox: the e-mails Waypoint sends, each with its generic subject and
 * its pair of templates, and webhook deliveries, which have neither.
 */
public enum MailKind {
    NEW_REFERRAL("referral-submitted", "Waypoint: a new referral is waiting"),
    REFERRAL_UPDATED("referral-updated", "Waypoint: a referral has been updated"),
    NEW_MESSAGE("message-posted", "Waypoint: a new message is waiting"),
    OVERDUE_REMINDER("overdue-reminder", "Waypoint: a referral is waiting to be acknowledged"),
    OVERDUE_ALERT("overdue-alert", "Waypoint: a referral has not been acknowledged yet"),
    CONSENT_WITHDRAWN("consent-withdrawn", "Waypoint: a referral has been withdrawn"),
    /** To the account holder's own address, with a link carrying a single-use token; no referral in it. */
    PASSWORD_RESET("password-reset", "Waypoint: reset your password"),
    /** A signed HTTP POST of one referral event to an organisation's webhook; not an e-mail. */
    WEBHOOK(null, "Webhook delivery");

    private final String template;
    private final String subject;

    MailKind(String template, String subject) {
        this.template = template;
        this.subject = subject;
    }

    /** Whether the webhook dispatcher delivers it, rather than the mail dispatcher. */
    public boolean isWebhook() {
        return this == WEBHOOK;
    }

    /** The name of its templates, {@code templates/<name>.txt.mustache} and {@code .html.mustache}. */
    public String template() {
        return template;
    }

    public String subject() {
        return subject;
    }
}
