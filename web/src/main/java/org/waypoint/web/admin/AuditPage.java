package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.ApiClients;
import org.waypoint.core.audit.AuditArchive;
import org.waypoint.core.audit.AuditArchives;
import org.waypoint.core.audit.AuditChainCheck;
import org.waypoint.core.audit.AuditChainReport;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditQuery;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.organisation.OrganisationService;
import org.waypoint.core.shared.Page;
import org.waypoint.web.page.DateFields;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The audit log: who read or changed which record, when, and whether they were allowed; searched
 * by record id, user id and a span of days (London time), newest first, a page at a time. The
 * search is a plain GET form whose values hold ids and dates only. With {@code verify=true} the page
 * also verifies the trail's hash chains and says whether they are whole, or where each breaks.
 */
@Named("adminAudit")
@RequestScoped
public class AuditPage {

    static final int PAGE_SIZE = 25;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int MAX_ID = 36;

    @Inject
    AuditTrail trail;

    @Inject
    AuditChainCheck chainCheck;

    @Inject
    AuditArchive auditArchive;

    @Inject
    AccountService accounts;

    @Inject
    ApiClients apiClients;

    @Inject
    OrganisationService organisations;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String recordId;
    private String userId;
    private String fromDay;
    private String fromMonth;
    private String fromYear;
    private String toDay;
    private String toMonth;
    private String toYear;
    private String page;
    private String verify;
    private AuditChainReport chainReport;
    private List<ArchiveRow> archives = List.of();
    private Page<Row> rows;
    private boolean searched;

    @Inject
    AdminGate gate;

    /** The page's view action: only administrators, and the search checked before anything is shown. */
    public void load() {
        if (gate.allowed()) {
            getRows();
            archives = auditArchive.latest(me.actor()).stream().map(ArchiveRow::of).toList();
            if ("true".equals(verify)) {
                chainReport = chainCheck.verify(me.actor());
            }
        }
    }

    /** The verification's answer, when one was asked for. */
    public AuditChainReport getChainReport() {
        return chainReport;
    }

    /** The latest audit archives, newest first (administrators only: read once the gate let them in). */
    public List<ArchiveRow> getArchives() {
        return archives;
    }

    /** The folder on the server the archive files are in. */
    public String getArchiveFolder() {
        return auditArchive.folder().toString();
    }

    /** One archive file as the page lists it. */
    public record ArchiveRow(String id, String fileName, long events, String from, String to, String sha256,
                             String written, String state) {

        static ArchiveRow of(AuditArchives.Archive archive) {
            return new ArchiveRow(archive.id(), archive.fileName(), archive.events(), Format.time(archive.firstAt()),
                    Format.time(archive.lastAt()), archive.sha256(), Format.time(archive.createdAt()),
                    AdminText.text(archive.deletedAt().isPresent() ? "audit.archive.deleted" : "audit.archive.pending"));
        }

        /** The download of its file. */
        public String download() {
            return AdminText.query("id", id);
        }
    }

    /** The first break of each broken chain, in words that name the event by id. */
    public List<String> getChainBreaks() {
        return chainReport == null ? List.of() : chainReport.breaks().stream()
                .map(b -> AdminText.text("audit.chain.break", b.partition(),
                        b.eventId() == null ? AdminText.text("audit.chain.noEvent") : b.eventId(),
                        Long.toString(b.sequence()), AdminText.text("audit.chain.reason." + b.reason().name())))
                .toList();
    }

    /** The events asked for; an empty page when the search has errors. */
    public Page<Row> getRows() {
        if (rows == null) {
            Optional<AuditQuery> query = query();
            searched = query.isPresent();
            if (query.isEmpty()) {
                rows = new Page<>(java.util.List.of(), 0, 0, PAGE_SIZE);
            } else {
                Map<String, String> people = new HashMap<>();
                accounts.listUsers(me.actor()).forEach(a -> people.put(a.id(), a.displayName()));
                apiClients.list(me.actor()).forEach(c -> people.put(c.id(), AdminText.text("audit.apiClient", c.name())));
                Map<String, String> places = new HashMap<>();
                organisations.list(me.actor()).forEach(o -> places.put(o.id(), o.name()));
                rows = trail.search(me.actor(), query.get()).map(e -> Row.of(e, people, places));
            }
        }
        return rows;
    }

    /** Whether the search could be run (it has no errors). */
    public boolean isSearched() {
        getRows();
        return searched;
    }

    private Optional<AuditQuery> query() {
        String record = Pages.trimmed(recordId);
        String user = Pages.trimmed(userId);
        if (record != null && record.length() > MAX_ID) {
            errors.add("recordId", AdminText.text("audit.error.id", MAX_ID));
        }
        if (user != null && user.length() > MAX_ID) {
            errors.add("userId", AdminText.text("audit.error.id", MAX_ID));
        }
        Optional<LocalDate> from = date("from", fromDay, fromMonth, fromYear);
        Optional<LocalDate> to = date("to", toDay, toMonth, toYear);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            errors.add("to-day", AdminText.text("audit.error.order"));
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditQuery(Optional.ofNullable(record), Optional.ofNullable(user),
                from.map(d -> d.atStartOfDay(LONDON).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(LONDON).toInstant()),
                AdminText.pageNumber(page), PAGE_SIZE));
    }

    /** A date from its three fields: none given is no date; some, or an impossible one, is an error. */
    private Optional<LocalDate> date(String field, String day, String month, String year) {
        if (DateFields.blank(day, month, year)) {
            return Optional.empty();
        }
        Optional<LocalDate> date = DateFields.parse(day, month, year);
        if (date.isEmpty()) {
            errors.add(field + "-day", AdminText.text("audit.error." + field));
        }
        return date;
    }

    public boolean isHasPrevious() {
        return getRows().page() > 0;
    }

    public boolean isHasNext() {
        Page<Row> current = getRows();
        return (long) (current.page() + 1) * current.size() < current.total();
    }

    /** The link to another page of the same search. */
    public String link(int toPage) {
        return AdminText.query("recordId", Pages.trimmed(recordId), "userId", Pages.trimmed(userId),
                "fromDay", Pages.trimmed(fromDay), "fromMonth", Pages.trimmed(fromMonth), "fromYear", Pages.trimmed(fromYear),
                "toDay", Pages.trimmed(toDay), "toMonth", Pages.trimmed(toMonth), "toYear", Pages.trimmed(toYear),
                "page", Integer.toString(toPage));
    }

    /** One event as the log shows it; the user and organisation by name where they are known. */
    public record Row(String at, String userId, String user, String organisation, String recordType, String recordId,
                      String action, String detail, String outcome, String outcomeTag) {

        /** The search for everything this user did. */
        public String userSearch() {
            return AdminText.query("userId", userId);
        }

        /** The search for everything that happened to this record. */
        public String recordSearch() {
            return AdminText.query("recordId", recordId);
        }

        static Row of(AuditEvent event, Map<String, String> people, Map<String, String> places) {
            return new Row(Format.time(event.at()), event.actorUserId(),
                    people.getOrDefault(event.actorUserId(), ""),
                    places.getOrDefault(event.actorOrganisationId(), event.actorOrganisationId()),
                    event.recordType(), event.recordId(),
                    AdminText.text("audit.action." + event.action().name()),
                    event.detail() == null ? "" : event.detail(),
                    AdminText.text("audit.outcome." + event.outcome().name()),
                    event.outcome() == AuditEvent.Outcome.SUCCESS ? "govuk-tag--green" : "govuk-tag--red");
        }
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getFromDay() {
        return fromDay;
    }

    public void setFromDay(String fromDay) {
        this.fromDay = fromDay;
    }

    public String getFromMonth() {
        return fromMonth;
    }

    public void setFromMonth(String fromMonth) {
        this.fromMonth = fromMonth;
    }

    public String getFromYear() {
        return fromYear;
    }

    public void setFromYear(String fromYear) {
        this.fromYear = fromYear;
    }

    public String getToDay() {
        return toDay;
    }

    public void setToDay(String toDay) {
        this.toDay = toDay;
    }

    public String getToMonth() {
        return toMonth;
    }

    public void setToMonth(String toMonth) {
        this.toMonth = toMonth;
    }

    public String getToYear() {
        return toYear;
    }

    public void setToYear(String toYear) {
        this.toYear = toYear;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getVerify() {
        return verify;
    }

    public void setVerify(String verify) {
        this.verify = verify;
    }
}
