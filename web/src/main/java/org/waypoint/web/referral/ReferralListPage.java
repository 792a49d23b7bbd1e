package org.waypoint.web.referral;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralQuery;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.Page;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The caseworker's dashboard (the referrals their organisation made) and the service's inbox (the
 * referrals sent to its services): the same list, soonest due first, so overdue ones lead. Filters
 * come as query parameters and hold nothing personal: a status, a reference, overdue only, a page.
 */
@Named
@RequestScoped
public class ReferralListPage {

    static final int PAGE_SIZE = 25;

    @Inject
    ReferralService referrals;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    @Inject
    Clock clock;

    private String status;
    private String reference;
    private String overdue;
    private String page;
    private Page<Row> rows;

    public Page<Row> getRows() {
        if (rows == null) {
            Actor actor = me.actor();
            Instant now = clock.instant();
            rows = referrals.search(actor, query()).map(referral -> Row.of(referral, actor, now));
        }
        return rows;
    }

    private ReferralQuery query() {
        Optional<ReferralStatus> wanted = Arrays.stream(ReferralStatus.values())
                .filter(candidate -> candidate.name().equals(status)).findFirst();
        Optional<String> ref = Optional.ofNullable(Pages.trimmed(reference));
        if (ref.isPresent()) {
            try {
                new ReferralReference(ref.get().toUpperCase(java.util.Locale.ROOT));
                ref = ref.map(r -> r.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException notAReference) {
                errors.add("reference", Messages.text("list.error.reference"));
                ref = Optional.empty();
            }
        }
        return new ReferralQuery(wanted, Optional.empty(), Optional.empty(), "true".equals(overdue), ref, pageNumber(), PAGE_SIZE);
    }

    private int pageNumber() {
        try {
            return Math.min(Math.max(Integer.parseInt(page == null ? "0" : page), 0), 10_000);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    public List<ReferralStatus> getStatuses() {
        return Arrays.stream(ReferralStatus.values())
                .filter(s -> me.isCaseworker() || s != ReferralStatus.DRAFT).toList();
    }

    public String statusLabel(ReferralStatus candidate) {
        return Format.status(candidate);
    }

    public boolean isHasPrevious() {
        return getRows().page() > 0;
    }

    public boolean isHasNext() {
        Page<Row> current = getRows();
        return (long) (current.page() + 1) * current.size() < current.total();
    }

    /** One referral as the list shows it. The name shows only where the person agreed to share it with the reader. */
    public record Row(String id, String reference, String person, String service, String status, String statusTag,
                      String due, boolean overdue, String submitted) {

        static Row of(Referral referral, Actor actor, Instant now) {
            String person = referral.sharesContactDetailsWith(actor)
                    ? referral.client().details().givenName() + " " + referral.client().details().familyName()
                    : Messages.text("list.nameNotShared");
            return new Row(referral.id(),
                    referral.reference().map(ReferralReference::value).orElse(Messages.text("list.noReference")),
                    person,
                    referral.service().name(),
                    Format.status(referral.status()),
                    Format.statusTag(referral.status()),
                    referral.acknowledgeBy().filter(due -> referral.status() == ReferralStatus.REQUESTED).map(Format::time).orElse(""),
                    referral.isOverdue(now),
                    referral.submittedAt().map(Format::time).orElse(""));
        }
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getOverdue() {
        return overdue;
    }

    public void setOverdue(String overdue) {
        this.overdue = overdue;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
