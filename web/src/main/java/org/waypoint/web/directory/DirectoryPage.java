package org.waypoint.web.directory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DirectoryService;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.SupportService;

/** Backs the public directory page: the services, as view models. */
@Named
@RequestScoped
public class DirectoryPage {

    private final DirectoryService directory;
    private List<ServiceView> services;

    @Inject
    public DirectoryPage(DirectoryService directory) {
        this.directory = directory;
    }

    /** For CDI's proxy only. */
    protected DirectoryPage() {
        this.directory = null;
    }

    public List<ServiceView> getServices() {
        if (services == null) {
            services = directory.listServices().stream().map(DirectoryPage::view).toList();
        }
        return services;
    }

    private static ServiceView view(SupportService service) {
        return new ServiceView(
                service.name(),
                service.description(),
                service.organisation().name(),
                service.categories().stream().map(ServiceCategory::label).toList(),
                String.join(", ", service.postcodePrefixes()),
                service.capacity(),
                service.waitWeeks().orElse(0));
    }

    /** One service as the page shows it. */
    public record ServiceView(String name, String description, String organisation, List<String> categories,
                              String areas, Capacity capacity, int waitWeeks) {

        /** The GOV.UK tag colour modifier for the capacity. */
        public String tagClass() {
            return switch (capacity) {
                case OPEN -> "govuk-tag--green";
                case WAITING_LIST -> "govuk-tag--yellow";
                case CLOSED -> "govuk-tag--grey";
            };
        }
    }
}
