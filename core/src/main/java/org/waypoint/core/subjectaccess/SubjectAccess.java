package org.waypoint.core.subjectaccess;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.waypoint.core.account.Role;
import org.waypoint.core.account.UserAccountRepository;
import org.waypoint.core.audit.AuditEvent;
import org.waypoint.core.audit.AuditEventRepository;
import org.waypoint.core.audit.AuditTrail;
import org.waypoint.core.client.Client;
import org.waypoint.core.client.ClientDetails;
import org.waypoint.core.organisation.Organisation;
import org.waypoint.core.organisation.OrganisationRepository;
import org.waypoint.core.referral.Consent;
import org.waypoint.core.referral.NeedsAssessment;
import org.waypoint.core.referral.Referral;
import org.waypoint.core.referral.ReferralMessage;
import org.waypoint.core.referral.ReferralReference;
import org.waypoint.core.referral.ReferralRepository;
import org.waypoint.core.referral.TimelineEvent;
import org.waypoint.core.shared.Actor;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.NotFoundException;
import org.waypoint.core.subjectaccess.SubjectAccessDocument.Item;
import org.waypoint.core.subjectaccess.SubjectAccessDocument.Section;

/**
 * Subject access (UK GDPR art. 15): an administrator exports everything held about one person — their
 * record, every referral of theirs with its needs, consent, timeline and messages, every read and
 * change of these in the audit trail, and the e-mails sent about them by reference — for a reason
 * that is kept in the audit trail with the export itself.
 *
 * <p>The person is found by the reference of one of their referrals: administrators may not browse
 * people, and a reference is what the caseworker handling the request, and the e-mails, show.
 */
@ApplicationScoped
public class SubjectAccess {

    /** The longest reason kept: the audit trail's detail holds it after {@value #DETAIL_PREFIX}. */
    public static final int MAX_REASON = 150;
    static final String DETAIL_PREFIX = "subject access: ";

    private final ReferralRepository referrals;
    private final AuditEventRepository auditEvents;
    private final AuditTrail audit;
    private final SentMailRecords mail;
    private final OrganisationRepository organisations;
    private final UserAccountRepository users;
    private final Clock clock;

    @Inject
    public SubjectAccess(ReferralRepository referrals, AuditEventRepository auditEvents, AuditTrail audit,
                         SentMailRecords mail, OrganisationRepository organisations, UserAccountRepository users,
                         Clock clock) {
        this.referrals = referrals;
        this.auditEvents = auditEvents;
        this.audit = audit;
        this.mail = mail;
        this.organisations = organisations;
        this.users = users;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected SubjectAccess() {
        this(null, null, null, null, null, null, null);
    }

    /** The reason, checked: required, one line's worth, no control characters. */
    public static String checkedReason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty()) {
            throw new InvalidField("reason", "error.reason.required", "a reason is required");
        }
        if (stripped.length() > MAX_REASON || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("reason", "error.reason.oneLine",
                    "a reason is one line of at most " + MAX_REASON + " characters", MAX_REASON);
        }
        return stripped;
    }

    /**
     * Writes the export of the person whose referral has {@code reference} to the stream {@code download}
     * opens, which it opens only once the person is found (so a caller can still answer "not found"
     * instead), and records the export in the audit trail, kept even when the stream breaks.
     *
     * @throws NotFoundException no referral has that reference
     * @throws IllegalArgumentException the reason is missing or too long
     */
    @Transactional(dontRollbackOn = UncheckedIOException.class)
    public void export(Actor admin, ReferralReference reference, String reason, Supplier<OutputStream> download) {
        admin.requireRole(Role.ADMIN, "export a person's data");
        String why = checkedReason(reason);
        Client client = referrals.findByReference(reference).map(Referral::client)
                .orElseThrow(() -> new NotFoundException("referral"));
        Instant now = clock.instant();
        audit.success(admin, AuditTrail.CLIENT, client.id(), AuditEvent.Action.READ, DETAIL_PREFIX + why);
        document(admin, client, why, now).writeZip(download.get());
    }

    SubjectAccessDocument document(Actor admin, Client client, String reason, Instant now) {
        Names names = new Names();
        List<Referral> theirs = referrals.forClient(client.id());
        Map<String, String> referenceOf = new HashMap<>();
        theirs.forEach(r -> referenceOf.put(r.id(), label(r)));
        List<Item> referralItems = new ArrayList<>();
        List<Item> needs = new ArrayList<>();
        List<Item> consents = new ArrayList<>();
        List<Item> timeline = new ArrayList<>();
        List<Item> messages = new ArrayList<>();
        List<AuditEvent> reads = new ArrayList<>(auditEvents.findByRecord(AuditTrail.CLIENT, client.id()));
        for (Referral referral : theirs) {
            String ref = label(referral);
            referralItems.add(referralItem(referral, ref, names));
            referral.assessment().ifPresent(a -> needs.add(needsItem(a, ref)));
            referral.consentRecorded().ifPresent(c -> consents.add(consentItem(c, referral, ref, names)));
            referral.timeline().forEach(e -> timeline.add(timelineItem(e, ref, names)));
            referral.messages().forEach(m -> messages.add(messageItem(m, ref, names)));
            reads.addAll(auditEvents.findByRecord(AuditTrail.REFERRAL, referral.id()));
        }
        reads.sort(Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id));
        List<Item> readItems = reads.stream().map(e -> auditItem(e, referenceOf, names)).toList();
        List<Item> mailItems = mail.about(referenceOf.keySet()).stream()
                .map(m -> mailItem(m, referenceOf)).toList();
        Item about = new Item("This export", fields(
                "exportedAt", now,
                "exportedBy", names.user(admin.userId()),
                "reason", reason,
                "personId", client.id()));
        return new SubjectAccessDocument("What Waypoint holds about one person", List.of(
                new Section("export", "About this export", List.of(about)),
                new Section("person", "The person's record", List.of(personItem(client, names))),
                new Section("referrals", "Referrals", referralItems),
                new Section("needs", "Needs", needs),
                new Section("consent", "Consent", consents),
                new Section("timeline", "Timeline", timeline),
                new Section("messages", "Messages", messages),
                new Section("access", "Who read or changed the record, and when", readItems),
                new Section("emails", "E-mails and notifications sent about the referrals", mailItems)));
    }

    private static String label(Referral referral) {
        return referral.reference().map(ReferralReference::value).orElse("draft " + referral.id());
    }

    private Item personItem(Client client, Names names) {
        ClientDetails d = client.details();
        return new Item("Record " + client.id(), fields(
                "givenName", d.givenName(),
                "familyName", d.familyName(),
                "dateOfBirth", d.dateOfBirth(),
                "gender", d.gender(),
                "preferredLanguage", d.preferredLanguage(),
                "interpreterNeeded", d.interpreterNeeded(),
                "accessNeeds", d.accessNeeds(),
                "postcode", d.postcode(),
                "phone", d.contact().phone(),
                "email", d.contact().email(),
                "address", d.contact().address(),
                "safeNumber", d.safeContact().safeNumber(),
                "safeTimes", d.safeContact().safeTimes(),
                "voicemailAllowed", d.safeContact().voicemailAllowed(),
                "serviceMayIdentifyItself", d.safeContact().serviceMayIdentifyItself(),
                "coverStory", d.safeContact().coverStory(),
                "guardianName", d.guardian().map(g -> g.name()),
                "guardianRelationship", d.guardian().map(g -> g.relationship()),
                "guardianPhone", d.guardian().flatMap(g -> g.phone()),
                "recordedBy", names.organisation(client.organisationId())));
    }

    private Item referralItem(Referral r, String ref, Names names) {
        return new Item(ref, fields(
                "reference", ref,
                "status", r.status(),
                "businessStatus", r.businessStatus(),
                "referringOrganisation", names.organisation(r.referringOrganisationId()),
                "referrer", names.user(r.referrerUserId()),
                "service", r.chosenService().map(s -> s.name() + " (" + s.organisation().name() + ")"),
                "matchArea", r.matchArea(),
                "createdAt", r.createdAt(),
                "submittedAt", r.submittedAt(),
                "acknowledgeBy", r.acknowledgeBy(),
                "receivedAt", r.receivedAt(),
                "acceptedAt", r.acceptedAt(),
                "redirectedFrom", r.redirectedFrom()));
    }

    private static Item needsItem(NeedsAssessment a, String ref) {
        return new Item(ref, fields(
                "referral", ref,
                "needs", new TreeSet<>(a.needs()),
                "crimeTypes", new TreeSet<>(a.crimeTypes()),
                "riskLevel", a.riskLevel(),
                "urgency", a.urgency(),
                "reportedToPolice", a.reportedToPolice(),
                "crimeReference", a.crimeReference(),
                "safeguardingConcerns", a.safeguardingConcerns()));
    }

    private static Item consentItem(Consent c, Referral r, String ref, Names names) {
        return new Item(ref, fields(
                "referral", ref,
                "basis", c.basis(),
                "shareContactDetails", c.shareContactDetails(),
                "shareCaseDetails", c.shareCaseDetails(),
                "method", c.method(),
                "givenAt", c.givenAt(),
                "recordedBy", names.user(c.recordedBy()),
                "overrideJustification", c.overrideJustification(),
                "overrideApprovedBy", c.overrideApprovedBy(),
                "withdrawnAt", r.consentWithdrawnAt()));
    }

    private static Item timelineItem(TimelineEvent e, String ref, Names names) {
        return new Item(ref + ": " + e.action(), fields(
                "referral", ref,
                "at", e.at(),
                "action", e.action(),
                "from", e.from(),
                "to", e.to(),
                "reason", e.reason(),
                "reasonCode", e.reasonCode(),
                "by", names.user(e.actorUserId()),
                "organisation", names.organisation(e.actorOrganisationId())));
    }

    private static Item messageItem(ReferralMessage m, String ref, Names names) {
        return new Item(ref + ": message", fields(
                "referral", ref,
                "at", m.at(),
                "from", m.side(),
                "author", names.user(m.authorUserId()),
                "body", m.body()));
    }

    private static Item auditItem(AuditEvent e, Map<String, String> referenceOf, Names names) {
        String record = AuditTrail.REFERRAL.equals(e.recordType())
                ? "referral " + referenceOf.getOrDefault(e.recordId(), e.recordId()) : "person's record";
        return new Item(e.at() + " " + e.action(), fields(
                "at", e.at(),
                "who", names.user(e.actorUserId()),
                "organisation", names.organisation(e.actorOrganisationId()),
                "record", record,
                "action", e.action(),
                "detail", Optional.ofNullable(e.detail()),
                "outcome", e.outcome()));
    }

    private static Item mailItem(SentMail m, Map<String, String> referenceOf) {
        String ref = referenceOf.get(m.referralId());
        return new Item(ref + ": " + m.kind(), fields(
                "referral", ref,
                "kind", m.kind(),
                "recipient", m.recipient(),
                "queuedAt", m.queuedAt(),
                "sentAt", m.sentAt(),
                "status", m.status()));
    }

    /** Named fields in order; an absent optional is left out, anything else is shown as text. */
    private static Map<String, String> fields(Object... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
            if (value != null) {
                fields.put((String) pairs[i], value instanceof Collection<?> many
                        ? String.join(", ", many.stream().map(Object::toString).toList()) : value.toString());
            }
        }
        return fields;
    }

    /** Users and organisations by name, each looked up once; an unknown one by its id. */
    private final class Names {
        private final Map<String, String> known = new HashMap<>();

        String user(String id) {
            return known.computeIfAbsent("u:" + id, k -> users.find(id)
                    .map(u -> u.displayName() + " (" + id + ")").orElse(id));
        }

        String organisation(String id) {
            return known.computeIfAbsent("o:" + id, k -> organisations.find(id).map(Organisation::name).orElse(id));
        }
    }
}
