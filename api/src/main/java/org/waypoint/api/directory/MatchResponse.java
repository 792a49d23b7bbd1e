package org.waypoint.api.directory;

import java.util.List;
import org.waypoint.core.directory.MatchResult;
import org.waypoint.core.directory.ServiceProfile;

/**
 * The services offered for a person's needs, ranked, each with the reasons it was offered; and, when
 * asked for, every service not offered with every reason why. For signed-in caseworkers: it carries
 * the capacity notes meant for referrers, never a referral inbox.
 */
public record MatchResponse(List<Offered> matches, List<NotOffered> exclusions) {

    public record Offered(Service service, List<Reason> reasons) {
    }

    public record NotOffered(Service service, List<Reason> reasons) {
    }

    /** A reason code and its parameters, for the reader to put into words. */
    public record Reason(String code, List<String> parameters) {
    }

    public record Service(String id, String name, String organisation, List<String> categories,
                          List<String> postcodeAreas, String capacity, Integer waitWeeks, String capacityNote,
                          List<String> languages, boolean interpretersAvailable, List<String> deliveryModes,
                          String publicAddress) {
    }

    static MatchResponse of(MatchResult result) {
        return new MatchResponse(
                result.matches().stream().map(m -> new Offered(service(m.service()),
                        m.reasons().stream().map(r -> new Reason(r.code().name(), r.parameters())).toList())).toList(),
                result.exclusions().stream().map(e -> new NotOffered(service(e.service()),
                        e.reasons().stream().map(r -> new Reason(r.code().name(), r.parameters())).toList())).toList());
    }

    private static Service service(ServiceProfile profile) {
        return new Service(profile.id(), profile.name(), profile.organisation(),
                profile.categoryCodes().stream().sorted().toList(), profile.postcodePrefixes().stream().sorted().toList(),
                profile.capacity().name(), profile.waitWeeks().isPresent() ? profile.waitWeeks().getAsInt() : null,
                profile.capacityNote().orElse(null),
                profile.languages().stream().map(l -> l.value()).sorted().toList(), profile.interpretersAvailable(),
                profile.deliveryModes().stream().map(Enum::name).sorted().toList(),
                profile.confidentialLocation() ? null : profile.publicAddress().orElse(null));
    }
}
