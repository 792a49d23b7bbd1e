package org.waypoint.core.retention.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.retention.RetentionPolicy;
import org.waypoint.core.retention.RetentionStore;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.crypto.FieldCipher;
import org.waypoint.core.shared.persistence.InstantConverter;

/**
 * Retention in plain SQL, one statement a table for a whole batch of people, so that a run touches
 * rows without loading entities. The placeholders written over encrypted columns are encrypted
 * themselves, so that an anonymised record still reads as a valid one.
 */
@ApplicationScoped
public class JpaRetentionStore implements RetentionStore {

    /** What an anonymised person is called, and the text left for a removed free text that may not be empty. */
    public static final String PLACEHOLDER = "Anonymised";
    /** The date of birth an anonymised person is given: the earliest a record accepts. */
    public static final LocalDate PLACEHOLDER_BIRTH = LocalDate.of(1900, 1, 1);
    /** The blind index of an anonymised person: not a hash, so no name and date of birth ever finds it. */
    static final String NO_INDEX = "anonymised";
    /** Ids a statement names at most: well within PostgreSQL's 32,767 parameters and Derby's statement size. */
    private static final int CHUNK = 1000;

    /** The person ({@code c}) is under no standing legal hold. */
    private static final String NOT_HELD =
            " AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.client_id = c.id AND h.lifted_at IS NULL)";

    /** Every referral of the person ({@code c}) is past its cutoff: parameters draft, ended, completed. */
    private static final String EVERY_REFERRAL_PAST_ITS_CUTOFF = " AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.client_id = c.id AND NOT ("
            + "   (r.status = 'DRAFT' AND COALESCE(r.updated_at, r.created_at) < ?)"
            + "   OR (r.status IN ('REJECTED', 'CANCELLED', 'ENTERED_IN_ERROR') AND COALESCE(r.updated_at, r.created_at) < ?)"
            + "   OR (r.status IN ('COMPLETED', 'FAILED') AND COALESCE(r.updated_at, r.created_at) < ?)))";

    private final EntityManager em;
    private final FieldCipher cipher;

    @Inject
    public JpaRetentionStore(EntityManager em, FieldCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    /** For CDI's proxy only. */
    protected JpaRetentionStore() {
        this(null, null);
    }

    @Override
    public List<Candidate> candidates(RetentionPolicy.Cutoffs cutoffs, Optional<String> after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.date_of_birth, c.created_at FROM client c"
                        + " WHERE c.anonymised_at IS NULL AND c.id > ?" + NOT_HELD + EVERY_REFERRAL_PAST_ITS_CUTOFF
                        + " AND (c.created_at < ? OR EXISTS (SELECT 1 FROM referral r2 WHERE r2.client_id = c.id))"
                        + " ORDER BY c.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .setParameter(1, after.orElse(""))
                .setParameter(2, InstantConverter.timestamp(cutoffs.draft()))
                .setParameter(3, InstantConverter.timestamp(cutoffs.ended()))
                .setParameter(4, InstantConverter.timestamp(cutoffs.completed()))
                .setParameter(5, InstantConverter.timestamp(cutoffs.draft()))
                .getResultList();
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            candidates.add(new Candidate(((String) row[0]).strip(), LocalDate.parse(cipher.decrypt((String) row[1])),
                    InstantConverter.instant(row[2])));
        }
        return candidates;
    }

    @Override
    public List<ReferralOf> referralsOf(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("SELECT client_id, id, reference, status FROM referral WHERE client_id IN ("
                + placeholders(clientIds) + ") ORDER BY client_id, created_at");
        bind(query, 1, clientIds);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new ReferralOf(((String) row[0]).strip(), ((String) row[1]).strip(),
                Optional.ofNullable((String) row[2]), ReferralStatus.valueOf((String) row[3]))).toList();
    }

    @Override
    public Optional<String> clientOfReferral(String referenceOrId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("SELECT client_id FROM referral WHERE reference = ? OR id = ?")
                .setParameter(1, referenceOrId)
                .setParameter(2, referenceOrId)
                .getResultList();
        return found.stream().findFirst().map(String::strip);
    }

    @Override
    public Optional<Instant> anonymisedAt(String clientId) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("SELECT anonymised_at FROM client WHERE id = ?")
                .setParameter(1, clientId)
                .getResultList();
        return found.stream().filter(java.util.Objects::nonNull).findFirst().map(InstantConverter::instant);
    }

    @Override
    public boolean exists(String clientId) {
        return !em.createNativeQuery("SELECT id FROM client WHERE id = ?").setParameter(1, clientId).getResultList().isEmpty();
    }

    @Override
    public Counts anonymise(Collection<String> candidates, Instant now, Optional<RetentionPolicy.Cutoffs> dueBy,
                            Optional<String> erasureReason) {
        if (candidates.isEmpty()) {
            return Counts.NONE;
        }
        // Changes made through entities in this transaction (an erasure's withdrawals) go first.
        em.flush();
        String name = cipher.encrypt(PLACEHOLDER);
        // One person a statement, by primary key: each asks the person's conditions again as it changes
        // them, so a hold set or a referral made since the candidates were read keeps its person. (With an
        // IN list and these conditions Derby scanned the whole table, testing every person.)
        Query person = em.createNativeQuery("UPDATE client c SET given_name = ?, family_name = ?, date_of_birth = ?,"
                + " gender = ?, preferred_language = ?, interpreter_needed = FALSE, access_needs = NULL, postcode = NULL,"
                + " phone = NULL, email = NULL, address = NULL, safe_number = NULL, safe_times = NULL,"
                + " voicemail_allowed = FALSE, service_may_identify = FALSE, cover_story = NULL, guardian_name = NULL,"
                + " guardian_relationship = NULL, guardian_phone = NULL, duplicate_key = ?, anonymised_at = ?,"
                + " erasure_reason = ?, version = version + 1 WHERE c.id = ? AND c.anonymised_at IS NULL"
                + NOT_HELD + (dueBy.isPresent() ? EVERY_REFERRAL_PAST_ITS_CUTOFF : ""))
                .setParameter(1, name)
                .setParameter(2, name)
                .setParameter(3, cipher.encrypt(PLACEHOLDER_BIRTH.toString()))
                .setParameter(4, cipher.encrypt(Gender.NOT_SAID.name()))
                .setParameter(5, cipher.encrypt("en"))
                .setParameter(6, NO_INDEX)
                .setParameter(7, InstantConverter.timestamp(now))
                .setParameter(8, erasureReason.map(cipher::encrypt).orElse(null));
        dueBy.ifPresent(cutoffs -> person.setParameter(10, InstantConverter.timestamp(cutoffs.draft()))
                .setParameter(11, InstantConverter.timestamp(cutoffs.ended()))
                .setParameter(12, InstantConverter.timestamp(cutoffs.completed())));
        List<String> clientIds = new ArrayList<>();
        for (String candidate : candidates) {
            if (person.setParameter(9, candidate).executeUpdate() == 1) {
                clientIds.add(candidate);
            }
        }
        if (clientIds.isEmpty()) {
            return Counts.NONE;
        }
        String in = placeholders(clientIds);
        int anonymisedPeople = clientIds.size();

        // The referrals' ids first, so that each table below is reached by its index on referral_id.
        Query ofPeople = em.createNativeQuery("SELECT id FROM referral WHERE client_id IN (" + in + ")");
        bind(ofPeople, 1, clientIds);
        @SuppressWarnings("unchecked")
        List<String> referralIds = ((List<String>) ofPeople.getResultList()).stream().map(String::strip).toList();
        String message = cipher.encrypt(PLACEHOLDER);
        int anonymisedReferrals = 0;
        for (int from = 0; from < referralIds.size(); from += CHUNK) {
            List<String> chunk = referralIds.subList(from, Math.min(referralIds.size(), from + CHUNK));
            String ids = placeholders(chunk);
            anonymisedReferrals += execute(em.createNativeQuery("UPDATE referral SET crime_reference = NULL,"
                    + " safeguarding_concerns = NULL, match_area = NULL, consent_justification = NULL,"
                    + " consent_approved_by = NULL, version = version + 1 WHERE id IN (" + ids + ")"), 1, chunk);
        }
        // One referral a statement here: with an IN list Derby scans these tables whole, testing every
        // row against the list, where an equality is one probe of the index on referral_id.
        Query reasons = em.createNativeQuery("UPDATE referral_event SET reason = NULL WHERE referral_id = ? AND reason IS NOT NULL");
        Query bodies = em.createNativeQuery("UPDATE referral_message SET body = ? WHERE referral_id = ?").setParameter(1, message);
        for (String referralId : referralIds) {
            reasons.setParameter(1, referralId).executeUpdate();
            bodies.setParameter(2, referralId).executeUpdate();
        }
        execute(em.createNativeQuery("UPDATE legal_hold SET reason = ?, lift_reason = NULL WHERE client_id IN (" + in + ")")
                .setParameter(1, message), 2, clientIds);
        return new Counts(anonymisedPeople, anonymisedReferrals);
    }

    private static int execute(Query query, int first, Collection<String> ids) {
        bind(query, first, ids);
        return query.executeUpdate();
    }

    private static void bind(Query query, int first, Collection<String> ids) {
        int position = first;
        for (String id : ids) {
            query.setParameter(position++, id);
        }
    }

    private static String placeholders(Collection<String> ids) {
        return String.join(", ", Collections.nCopies(ids.size(), "?"));
    }
}
