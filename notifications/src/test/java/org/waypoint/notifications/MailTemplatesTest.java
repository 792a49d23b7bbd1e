package org.waypoint.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waypoint.core.referral.Urgency;
import org.waypoint.notifications.outbox.MailKind;
import org.waypoint.notifications.outbox.RenderedMail;
import org.waypoint.notifications.templates.Links;
import org.waypoint.notifications.templates.MailContent;
import org.waypoint.notifications.templates.MailTemplates;

class MailTemplatesTest {

    private static final MailTemplates TEMPLATES = new MailTemplates();
    private static final Links LINKS = new Links(URI.create("https://waypoint.example.org/"));
    private static final String REFERRAL = "2f0c8a53-7a8c-4a5b-9a49-0f6a1c2b9d10";

    @ParameterizedTest
    @EnumSource(value = MailKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"PASSWORD_RESET", "WEBHOOK"})
    void everyReferralKindRendersBothAlternativesWithEveryValueFilledIn(MailKind kind) {
        RenderedMail mail = TEMPLATES.render(kind, new MailContent("WP-2026-000042", "Harbour Counselling",
                Optional.of(Urgency.URGENT), Optional.of(Instant.parse("2026-11-25T00:00:00Z")), LINKS.referral(REFERRAL)));

        assertThat(mail.subject()).isEqualTo(kind.subject()).startsWith("Waypoint: ");
        assertThat(mail.text()).contains("WP-2026-000042", "Harbour Counselling", "urgent",
                "midnight on Wednesday 25 November 2026 (UK time)", "https://waypoint.example.org/referrals/" + REFERRAL)
                .doesNotContain("{{", "<");
        assertThat(mail.html()).contains("WP-2026-000042", "Harbour Counselling", "Urgent",
                "href=\"https://waypoint.example.org/referrals/" + REFERRAL + "\"").doesNotContain("{{");
    }

    @Test
    void aStatusUpdateSaysTheNewStatusAndWhoChangedIt() {
        RenderedMail mail = TEMPLATES.render(MailKind.REFERRAL_UPDATED, new MailContent("WP-2026-000042",
                "Harbour Counselling", Optional.empty(), Optional.empty(), LINKS.referral(REFERRAL),
                Optional.of(org.waypoint.core.referral.ReferralStatus.FAILED), Optional.of("O'Brien & Daughters")));

        assertThat(mail.text()).contains("O'Brien & Daughters has changed the status of a referral you made to Harbour Counselling.",
                "New status: Ended without completing");
        assertThat(mail.html()).contains("O&#39;Brien &amp; Daughters has changed", "<strong>Ended without completing</strong>");
    }

    @Test
    void theHtmlEscapesWhatItIsGivenAndTheTextDoesNotNeedTo() {
        RenderedMail mail = TEMPLATES.render(MailKind.NEW_REFERRAL, new MailContent("WP-2026-000042",
                "Smith & Sons <b>Advice</b>", Optional.of(Urgency.ROUTINE), Optional.empty(), LINKS.referral(REFERRAL)));

        assertThat(mail.html()).contains("Smith &amp; Sons &lt;b&gt;Advice&lt;/b&gt;").doesNotContain("<b>Advice");
        assertThat(mail.text()).contains("Smith & Sons <b>Advice</b>").doesNotContain("Urgency", "Due by");
    }

    @Test
    void thePasswordResetMailCarriesItsLinkAndHowLongItWorksAndNothingAboutAReferral() {
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
        RenderedMail mail = TEMPLATES.renderPasswordReset(LINKS.passwordReset(token));

        assertThat(mail.subject()).isEqualTo("Waypoint: reset your password");
        String link = "https://waypoint.example.org/reset-password?token=" + token;
        assertThat(mail.text()).contains(link, "30 minutes", "works once").doesNotContain("{{", "<", "referral");
        assertThat(mail.html()).as("the link, its = escaped as HTML escapes it")
                .contains("href=\"" + link.replace("=", "&#61;") + "\"", "30 minutes").doesNotContain("{{", "referral");
    }

    @Test
    void aResetLinkIsMadeOnlyOfATokenOfOurShape() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> LINKS.passwordReset("../admin?x=" + "a".repeat(32)));
    }
}
