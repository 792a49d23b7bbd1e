package org.waypoint.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.OptionalLong;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.Page;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.Format;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The directory's services, a page at a time in name order, each with a small form to open it, put
 * it on a waiting list of some weeks, or close it.
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
    private Page<Row> rows;

    public Page<Row> getRows() {
        if (rows == null) {
            List<SupportService> all = directory.listServices();
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
        if (row.id().equals(Form.value("service"))) {
            String sent = Form.value("waitWeeks");
            return sent == null ? "" : sent;
        }
        return row.waitWeeks();
    }

    /** Changes one service's capacity; the form names the service and the version it showed. */
    public void changeCapacity() {
        if (!gate.allowed()) {
            return;
        }
        String serviceId = Form.value("service");
        Row row = getRows().items().stream().filter(r -> r.id().equals(serviceId)).findFirst().orElse(null);
        if (row == null) {
            errors.add("services", AdminText.text("services.error.gone"));
            return;
        }
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
        } catch (NotFoundException | IllegalArgumentException refused) {
            errors.add(row.field("capacity"), AdminText.text("services.error.refused", row.name()));
            return;
        }
        Pages.redirect("/admin/services", "done", "capacity", "page", Integer.toString(getRows().page()));
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
                      String capacityName, String waitWeeks, String capacityNote, String lastModified, long version) {

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
                    service.version());
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
}
