package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.OptionalLong;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.ServiceEntry;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.Page;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The directory's services, a page at a time in name order, each with a small form to open it, put
 * it on a waiting list of some weeks, or close it, and one to set its referral inbox. A service with
 * no inbox (one imported from another directory) is closed until it has one; setting it opens the
 * service in the same change, through the use case that keeps a service's entry.
 */
@Named("adminServices")
@RequestScoped
public class ServicesPage {

    static final int PAGE_SIZE = 20;
    private static final int MAX_WEEKS = 104;

    @Inject
    DirectoryService directory;

    @Inject
    AdminGate gate;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String page;
    private String inboxFilter;
    private Page<Row> rows;
    private Long withoutInbox;
    private List<SupportService> services;

    public Page<Row> getRows() {
        if (rows == null) {
            List<SupportService> all = services();
            if (isOnlyWithoutInbox()) {
                all = all.stream().filter(s -> s.referralInbox().isEmpty()).toList();
            }
            int size = all.size();
            int wanted = AdminText.pageNumber(page);
            int last = size == 0 ? 0 : (size - 1) / PAGE_SIZE;
            int number = Math.min(wanted, last);
            int from = number * PAGE_SIZE;
            List<SupportService> shown = all.subList(from, Math.min(from + PAGE_SIZE, size));
            List<Row> mapped = new java.util.ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                mapped.add(Row.of(shown.get(i), i));
            }
            rows = new Page<>(mapped, size, number, PAGE_SIZE);
        }
        return rows;
    }

    /** How many services have no referral inbox, and so are closed to referrals. */
    public long getWithoutInbox() {
        if (withoutInbox == null) {
            withoutInbox = services().stream().filter(s -> s.referralInbox().isEmpty()).count();
        }
        return withoutInbox;
    }

    /** The whole directory, read once a request. */
    private List<SupportService> services() {
        if (services == null) {
            services = directory.listServices();
        }
        return services;
    }

    /** Whether the list shows only the services without a referral inbox ({@code ?inbox=none}). */
    public boolean isOnlyWithoutInbox() {
        return "none".equals(inboxFilter);
    }

    /** The query of a link to another page of the list: the filter, if any, and the page. */
    public String pageQuery(int number) {
        return AdminText.query("inbox", inboxFilter, "page", Integer.toString(number));
    }

    public List<Option> getCapacityOptions() {
        return AdminText.options(Capacity.values(), "capacity.");
    }

    public boolean isHasPrevious() {
        return getRows().page() > 0;
    }

    public boolean isHasNext() {
        Page<Row> current = getRows();
        return (long) (current.page() + 1) * current.size() < current.total();
    }

    public String getLastPage() {
        Page<Row> current = getRows();
        return Long.toString(Math.max(1, (current.total() + current.size() - 1) / current.size()));
    }

    /** The capacity a row's form shows checked: what was just sent for it, if its form came back with errors. */
    public String capacityShown(Row row) {
        if (row.id().equals(Form.value("service"))) {
            Capacity sent = Form.choice("capacity", Capacity.class);
            return sent == null ? "" : sent.name();
        }
        return row.capacityName();
    }

    /** The wait a row's form shows: what was just sent for it, if its form came back with errors. */
    public String weeksShown(Row row) {
        return shown(row, "waitWeeks", row.waitWeeks());
    }

    /** A row's field as its form shows it: what was just sent, if that row's form came back with errors. */
    private static String shown(Row row, String field, String stored) {
        if (row.id().equals(Form.value("service"))) {
            String sent = Form.value(field);
            return sent == null ? "" : sent;
        }
        return stored;
    }

    /** The row whose form was sent, or null (with the error said) when its service is no longer listed. */
    private Row posted() {
        String serviceId = Form.value("service");
        Row row = getRows().items().stream().filter(r -> r.id().equals(serviceId)).findFirst().orElse(null);
        if (row == null) {
            errors.add("services", AdminText.text("services.error.gone"));
        }
        return row;
    }

    /** Changes one service's capacity; the form names the service and the version it showed. */
    public void changeCapacity() {
        if (!gate.allowed()) {
            return;
        }
        Row row = posted();
        if (row == null) {
            return;
        }
        String serviceId = row.id();
        Capacity capacity = Form.choice("capacity", Capacity.class);
        String weeksText = Form.value("waitWeeks");
        int weeks = 0;
        if (capacity == null) {
            errors.add(row.field("capacity"), AdminText.text("services.error.capacity", row.name()));
        }
        if (capacity == Capacity.WAITING_LIST) {
            try {
                weeks = Integer.parseInt(weeksText == null ? "" : weeksText);
            } catch (NumberFormatException notANumber) {
                weeks = 0;
            }
            if (weeks < 1 || weeks > MAX_WEEKS) {
                errors.add(row.field("waitWeeks"), AdminText.text("services.error.weeks", row.name(), MAX_WEEKS));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        try {
            directory.changeCapacity(me.actor(), serviceId, capacity, weeks, version(Form.value("version")));
        } catch (StaleVersionException changed) {
            errors.add(row.field("capacity"), AdminText.text("services.error.stale", row.name()));
            return;
        } catch (NotFoundException | InvalidField | RuleViolation refused) {
            errors.add(row.field("capacity"), AdminText.text("services.error.refused", row.name()));
            return;
        }
        back("capacity");
    }

    /** The inbox a row's form shows: what was just sent for it, if its form came back with errors. */
    public String inboxShown(Row row) {
        return shown(row, "referralInbox", row.inbox());
    }

    /**
     * Sets one service's referral inbox; a service that had none (closed since its import) is opened
     * in the same change. The service's entry is otherwise kept as it is.
     */
    public void saveInbox() {
        if (!gate.allowed()) {
            return;
        }
        Row row = posted();
        if (row == null) {
            return;
        }
        String serviceId = row.id();
        EmailAddress address;
        try {
            address = new EmailAddress(Form.value("referralInbox") == null ? "" : Form.value("referralInbox"));
        } catch (InvalidField notAnAddress) {
            errors.add(row.field("inbox"), AdminText.text("services.error.inbox", row.name()));
            return;
        }
        try {
            SupportService service = directory.get(serviceId);
            ServiceEntry entry = ServiceEntry.of(service)
                    .withContact(service.description(), address, service.publicAddress());
            if (service.referralInbox().isEmpty()) {
                entry = entry.withCapacity(Capacity.OPEN, 0);
            }
            directory.updateOwnEntry(me.actor(), serviceId, entry, version(Form.value("version")));
        } catch (StaleVersionException changed) {
            errors.add(row.field("inbox"), AdminText.text("services.error.stale", row.name()));
            return;
        } catch (NotFoundException | InvalidField | RuleViolation refused) {
            errors.add(row.field("inbox"), AdminText.text("services.error.inboxRefused", row.name()));
            return;
        }
        back(row.inbox().isEmpty() ? "opened" : "inbox");
    }

    /** Back to the list as it was shown, saying what was done. */
    private void back(String done) {
        if (isOnlyWithoutInbox()) {
            Pages.redirect("/admin/services", "done", done, "inbox", inboxFilter, "page", Integer.toString(getRows().page()));
        } else {
            Pages.redirect("/admin/services", "done", done, "page", Integer.toString(getRows().page()));
        }
    }

    private static OptionalLong version(String sent) {
        try {
            return sent == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(sent));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** One service as the page shows it; {@code index} is its place on this page, for its form's field ids. */
    public record Row(int index, String id, String name, String organisation, String capacity, String capacityTag,
                      String capacityName, String waitWeeks, String capacityNote, String lastModified, long version,
                      String inbox) {

        static Row of(SupportService service, int index) {
            Capacity capacity = service.capacity();
            return new Row(index, service.id(), service.name(), service.organisation().name(),
                    AdminText.text("capacity." + capacity.name()),
                    switch (capacity) {
                        case OPEN -> "govuk-tag--green";
                        case WAITING_LIST -> "govuk-tag--yellow";
                        case CLOSED -> "govuk-tag--grey";
                    },
                    capacity.name(),
                    service.waitWeeks().isPresent() ? Integer.toString(service.waitWeeks().getAsInt()) : "",
                    service.capacityNote().orElse(""),
                    Format.time(service.lastModified()),
                    service.version(),
                    service.referralInbox().map(EmailAddress::value).orElse(""));
        }

        public String inboxLabel() {
            return AdminText.text("services.inboxLabel", name);
        }

        public String saveInboxLabel() {
            return AdminText.text(inbox.isEmpty() ? "services.saveInboxOpenLabel" : "services.saveInboxLabel", name);
        }

        /** The id of one of this row's form fields. */
        public String field(String name) {
            return name + "-" + index;
        }

        public String legend() {
            return AdminText.text("services.capacityLegend", name);
        }

        public String saveLabel() {
            return AdminText.text("services.saveLabel", name);
        }
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getInboxFilter() {
        return inboxFilter;
    }

    public void setInboxFilter(String inboxFilter) {
        this.inboxFilter = inboxFilter;
    }
}
