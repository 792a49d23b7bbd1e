package org.waypoint.web.referral;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.waypoint.core.client.NameAndDateOfBirth;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.referral.DashboardCounts;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralQuery;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralService;
import org.waypoint.core.referral.ReferralSort;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.Page;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The caseworker's dashboard (the referrals their organisation made) and the service's inbox (the
 * referrals sent to its services): the same list, soonest due first unless another order is asked
 * for, so overdue ones lead, under a line of counts for the whole organisation.
 * <p>
 * Filters that hold nothing personal (status, reference, service, the days sent, overdue only,
 * urgency, order, page) come as query parameters, so a search can be bookmarked. A caseworker may
 * also look for one person's referrals by name and date of birth: those come only in the body of a
 * POST from the person form, go straight to the use case (which turns them into the blind index) and
 * are never kept, redirected to or written into a link, so they reach no address, history or server
 * log. That result is a page of its own: its other pages are asked for by POST from the same form.
 * A filter that is not understood shows its error and no referrals, never the whole list.
 */
@Named
@RequestScoped
public class ReferralListPage {

    static final int PAGE_SIZE = 25;
    /** The orders the list offers, by their names in the address; the first is the default. */
    static final List<ReferralSort> SORTS = List.of(ReferralSort.DUE, ReferralSort.CREATED_DESCENDING, ReferralSort.CREATED);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/\\-. ]+(\\d{1,2})[/\\-. ]+(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    @Inject
    ReferralService referrals;

    @Inject
    DirectoryService directory;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    @Inject
    Clock clock;

    private String status;
    private String reference;
    private String service;
    private String from;
    private String to;
    private String overdue;
    private String urgency;
    private String sort;
    private String page;
    private String givenName;
    private String familyName;
    private String day;
    private String month;
    private String year;
    private Page<Row> rows;
    private DashboardCounts counts;

    /** The view action: checks the filters and finds the page of referrals, before the page (and its error summary) is written. */
    public void load() {
        Actor actor = me.actor();
        Optional<ReferralQuery> query = query();
        if (query.isPresent() && isPersonSearch()) {
            query = person().map(query.get()::forPerson);
        }
        counts = referrals.dashboard(actor);
        Instant now = clock.instant();
        rows = query.map(q -> referrals.search(actor, q).map(referral -> Row.of(referral, actor, now)))
                .orElseGet(() -> new Page<>(List.of(), 0, 0, PAGE_SIZE));
    }

    /**
     * The page found by {@link #load}; empty until then. Never found here: the page's conditions ask for
     * the rows while a POST is being decoded, before the person form's fields have reached this bean.
     */
    public Page<Row> getRows() {
        return rows == null ? new Page<>(List.of(), 0, 0, PAGE_SIZE) : rows;
    }

    /** Whether this answers the person form: a caseworker's POST, never a link. */
    public boolean isPersonSearch() {
        return me.isCaseworker() && "POST".equals(Pages.request().getMethod()) && Form.value("person-search") != null;
    }

    private Optional<ReferralQuery> query() {
        Optional<ReferralStatus> wanted = Arrays.stream(ReferralStatus.values())
                .filter(candidate -> candidate.name().equals(status)).findFirst();
        Optional<String> ref = Optional.ofNullable(Pages.trimmed(reference)).map(r -> r.toUpperCase(Locale.ROOT));
        if (ref.isPresent() && !ReferralReference.isWellFormed(ref.get())) {
            errors.add("reference", Messages.text("list.error.reference"));
        }
        Optional<LocalDate> first = date(from, "from");
        Optional<LocalDate> last = date(to, "to");
        if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
            errors.add("from", Messages.text("list.error.range"));
        }
        Optional<Urgency> ofUrgency = chosen(urgency, Arrays.asList(Urgency.values()), Urgency::name, "urgency");
        ReferralSort order = chosen(sort, SORTS, ReferralSort::key, "sort").orElse(SORTS.get(0));
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReferralQuery(wanted, Optional.ofNullable(Pages.trimmed(service)), Optional.empty(),
                "true".equals(overdue), ref, pageNumber(), PAGE_SIZE).between(first, last).ofUrgency(ofUrgency, order));
    }

    /** The choice a parameter names, empty when it names none; anything else is an error on that field. */
    private <T> Optional<T> chosen(String asked, List<T> choices, Function<T, String> name, String field) {
        String typed = Pages.trimmed(asked);
        if (typed == null) {
            return Optional.empty();
        }
        Optional<T> found = choices.stream().filter(choice -> name.apply(choice).equals(typed)).findFirst();
        if (found.isEmpty()) {
            errors.add(field, Messages.text("list.error." + field));
        }
        return found;
    }

    private Optional<NameAndDateOfBirth> person() {
        if (Pages.trimmed(givenName) == null) {
            errors.add("givenName", Messages.text("list.error.givenName"));
        }
        if (Pages.trimmed(familyName) == null) {
            errors.add("familyName", Messages.text("list.error.familyName"));
        }
        LocalDate born = null;
        try {
            born = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
            if (born.isAfter(LocalDate.now(clock)) || born.getYear() < 1900) {
                born = null;
            }
        } catch (NullPointerException | NumberFormatException | DateTimeException notADate) {
            born = null;
        }
        if (born == null) {
            errors.add("dob-day", Messages.text("list.error.dob"));
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NameAndDateOfBirth(givenName, familyName, born));
    }

    /** A day typed as 27/3/2026 (or with dashes, dots or spaces), or as 2026-03-27. */
    private Optional<LocalDate> date(String typed, String field) {
        String text = Pages.trimmed(typed);
        if (text == null) {
            return Optional.empty();
        }
        try {
            Matcher dmy = DAY_MONTH_YEAR.matcher(text);
            if (dmy.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))));
            }
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
        } catch (DateTimeException notADay) {
            // reported below
        }
        errors.add(field, Messages.text("list.error." + field));
        return Optional.empty();
    }

    private int pageNumber() {
        String asked = isPersonSearch() ? Form.value("personPage") : page;
        try {
            return Math.min(Math.max(Integer.parseInt(asked == null ? "0" : asked), 0), 10_000);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /**
     * The address of another page of these results, with every filter in it; only for the filters
     * of the address, never for a search by person.
     */
    public String pageLink(int number) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("page", Integer.toString(number));
        parameters.put("status", status);
        parameters.put("reference", reference);
        parameters.put("service", service);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("overdue", overdue);
        parameters.put("urgency", urgency);
        parameters.put("sort", sort);
        StringBuilder link = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (Pages.trimmed(value) != null) {
                link.append(link.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        });
        return link.toString();
    }

    /** The line of counts above the list, for the reader's whole organisation whatever the filters. */
    public DashboardCounts getCounts() {
        return counts == null ? new DashboardCounts(0, 0, 0) : counts;
    }

    public List<Form.Option> getUrgencies() {
        return Form.Option.of(Urgency.values(), "list.urgency.");
    }

    public List<Form.Option> getSorts() {
        return SORTS.stream().map(s -> new Form.Option(s.key(), Messages.text("list.sort." + s.name()), null)).toList();
    }

    public List<ReferralStatus> getStatuses() {
        return Arrays.stream(ReferralStatus.values())
                .filter(s -> me.isCaseworker() || s != ReferralStatus.DRAFT).toList();
    }

    public String statusLabel(ReferralStatus candidate) {
        return Format.status(candidate);
    }

    /** The services to filter by: the whole directory for caseworkers, their own organisation's for service staff. */
    public List<Form.Option> getServices() {
        List<SupportService> offered = me.isServiceStaff() ? directory.ownServices(me.actor()) : directory.listServices();
        return offered.stream().map(s -> new Form.Option(s.id(),
                me.isServiceStaff() ? s.name() : s.name() + " (" + s.organisation().name() + ")", null)).toList();
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
                      String due, boolean overdue, boolean urgent, String submitted) {

        static Row of(Referral referral, Actor actor, Instant now) {
            String person = referral.sharesContactDetailsWith(actor)
                    ? referral.client().details().givenName() + " " + referral.client().details().familyName()
                    : Messages.text("list.nameNotShared");
            return new Row(referral.id(),
                    referral.reference().map(ReferralReference::value).orElse(Messages.text("list.noReference")),
                    person,
                    referral.chosenService().map(s -> s.name()).orElse(Messages.text("list.noService")),
                    Format.status(referral.status()),
                    Format.statusTag(referral.status()),
                    referral.acknowledgeBy().filter(due -> referral.status() == ReferralStatus.REQUESTED).map(Format::time).orElse(""),
                    referral.isOverdue(now),
                    referral.assessment().map(NeedsAssessment::urgency).filter(Urgency.URGENT::equals).isPresent(),
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

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getOverdue() {
        return overdue;
    }

    public void setOverdue(String overdue) {
        this.overdue = overdue;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }
}
