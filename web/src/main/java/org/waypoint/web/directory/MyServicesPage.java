package org.waypoint.web.directory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.ServiceEntry;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.shared.EmailAddress;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.shared.StaleVersionException;
import org.waypoint.web.page.Form;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * Backs the service staff's pages for their own organisation's services: the list
 * ({@code my-services.xhtml}) and the form that changes one entry ({@code my-service.xhtml?id=…}).
 * Anyone else, or a service of another organisation, gets "page not found"; the use case refuses
 * them too.
 */
@Named
@RequestScoped
public class MyServicesPage {

    static final int MAX_WEEKS = 104;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ADDRESS = 300;

    @Inject
    DirectoryService directory;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    private String id;
    private SupportService service;
    private List<Row> rows;
    private String capacity;
    private String waitWeeks;
    private String description;
    private String inbox;
    private String address;

    /** The list's view action. */
    public void checkList() {
        if (!me.isServiceStaff()) {
            Pages.notFound();
        }
    }

    /** The form's view action: the service must be one of the reader's organisation's; the form starts with what it says now. */
    public void loadEntry() {
        if (!me.isServiceStaff() || service().isEmpty()) {
            Pages.notFound();
            return;
        }
        SupportService shown = service().get();
        capacity = shown.capacity().name();
        waitWeeks = shown.waitWeeks().isPresent() ? Integer.toString(shown.waitWeeks().getAsInt()) : "";
        description = shown.description();
        inbox = shown.referralInbox().map(EmailAddress::value).orElse("");
        address = shown.publicAddress().orElse("");
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = directory.ownServices(me.actor()).stream().map(Row::of).toList();
        }
        return rows;
    }

    public List<Form.Option> getCapacityOptions() {
        return Form.Option.of(Capacity.values(), "capacity.");
    }

    /** Saves the form: each problem is shown beside its field, and nothing is saved until there are none. */
    public void save() {
        if (!me.isServiceStaff() || service().isEmpty()) {
            Pages.notFound();
            return;
        }
        capacity = Form.value("capacity");
        Capacity chosen = Form.parse(capacity, Capacity.class);
        int weeks = 0;
        if (chosen == null) {
            errors.add("capacity", Messages.text("myService.error.capacity"));
        } else if (chosen == Capacity.WAITING_LIST) {
            try {
                weeks = Integer.parseInt(Pages.trimmed(waitWeeks) == null ? "" : waitWeeks.strip());
            } catch (NumberFormatException notANumber) {
                weeks = 0;
            }
            if (weeks < 1 || weeks > MAX_WEEKS) {
                errors.add("waitWeeks", Messages.text("myService.error.weeks", MAX_WEEKS));
            }
        }
        String text = Pages.trimmed(description);
        if (text == null) {
            errors.add("description", Messages.text("myService.error.description"));
        } else if (text.length() > MAX_DESCRIPTION) {
            errors.add("description", Messages.text("myService.error.descriptionLength", MAX_DESCRIPTION));
        }
        EmailAddress email = null;
        try {
            email = new EmailAddress(inbox == null ? "" : inbox);
        } catch (IllegalArgumentException notAnAddress) {
            errors.add("inbox", Messages.text("myService.error.inbox"));
        }
        Optional<String> place = Optional.ofNullable(Pages.trimmed(address));
        if (place.isPresent() && place.get().length() > MAX_ADDRESS) {
            errors.add("address", Messages.text("myService.error.address", MAX_ADDRESS));
        }
        if (!errors.isEmpty()) {
            return;
        }
        SupportService current = service().get();
        try {
            directory.updateOwnEntry(me.actor(), current.id(), new ServiceEntry(chosen, weeks, text, email, place),
                    version(Form.value("version")));
        } catch (StaleVersionException changed) {
            errors.add("capacity", Messages.text("myService.error.stale"));
            return;
        } catch (IllegalArgumentException refused) {
            errors.add("capacity", Messages.text("myService.error.refused"));
            return;
        }
        Pages.redirect("/my-services", "done", "saved");
    }

    private Optional<SupportService> service() {
        if (service == null && Pages.isId(id)) {
            try {
                service = directory.ownService(me.actor(), id);
            } catch (NotFoundException notOurs) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(service);
    }

    public String getName() {
        return service().map(SupportService::name).orElse("");
    }

    public long getVersion() {
        return service().map(SupportService::version).orElse(0L);
    }

    /** A refuge never has a public address, so its form offers none. */
    public boolean isConfidential() {
        return service().map(SupportService::confidentialLocation).orElse(true);
    }

    private static OptionalLong version(String sent) {
        try {
            return sent == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(sent));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** One service as the list shows it. */
    public record Row(String id, String name, String capacity, String capacityTag, String waitWeeks, String inbox,
                      String address) {

        static Row of(SupportService service) {
            return new Row(service.id(), service.name(),
                    Messages.text("capacity." + service.capacity().name()),
                    switch (service.capacity()) {
                        case OPEN -> "govuk-tag--green";
                        case WAITING_LIST -> "govuk-tag--yellow";
                        case CLOSED -> "govuk-tag--grey";
                    },
                    service.waitWeeks().isPresent() ? Messages.text("capacity.waitWeeks", service.waitWeeks().getAsInt()) : "",
                    service.referralInbox().map(EmailAddress::value).orElse(""),
                    service.confidentialLocation() ? Messages.text("myServices.confidential")
                            : service.publicAddress().orElse(Messages.text("myServices.noAddress")));
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getCapacity() {
        return capacity;
    }

    public void setCapacity(String capacity) {
        this.capacity = capacity;
    }

    public String getWaitWeeks() {
        return waitWeeks;
    }

    public void setWaitWeeks(String waitWeeks) {
        this.waitWeeks = waitWeeks;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInbox() {
        return inbox;
    }

    public void setInbox(String inbox) {
        this.inbox = inbox;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
