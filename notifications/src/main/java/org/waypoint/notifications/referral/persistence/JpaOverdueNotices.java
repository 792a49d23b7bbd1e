package org.waypoint.notifications.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.waypoint.notifications.referral.OverdueNotices;

@ApplicationScoped
public class JpaOverdueNotices implements OverdueNotices {

    private final EntityManager em;

    @Inject
    public JpaOverdueNotices(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaOverdueNotices() {
        this(null);
    }

    @Override
    public boolean anyFor(String referralId) {
        return count("SELECT COUNT(*) FROM overdue_notice WHERE referral_id = ?", referralId, null) > 0;
    }

    @Override
    public boolean sentOn(String referralId, LocalDate day) {
        return count("SELECT COUNT(*) FROM overdue_notice WHERE referral_id = ? AND notice_date = ?", referralId,
                day.toString()) > 0;
    }

    private long count(String sql, String referralId, String day) {
        var query = em.createNativeQuery(sql).setParameter(1, referralId);
        if (day != null) {
            query.setParameter(2, day);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Override
    public void record(String referralId, LocalDate day, Instant now) {
        em.createNativeQuery("INSERT INTO overdue_notice (referral_id, notice_date, created_at) VALUES (?, ?, ?)")
                .setParameter(1, referralId)
                .setParameter(2, day.toString())
                .setParameter(3, Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC)))
                .executeUpdate();
    }
}
