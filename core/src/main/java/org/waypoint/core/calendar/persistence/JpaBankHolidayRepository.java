package org.waypoint.core.calendar.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.waypoint.core.calendar.BankHolidayRepository;

/**
 * Bank holidays change only with a migration, so they are read from the database at most once an
 * hour rather than at every submission.
 */
@ApplicationScoped
public class JpaBankHolidayRepository implements BankHolidayRepository {

    private static final long KEEP_NANOS = Duration.ofHours(1).toNanos();

    private final EntityManager em;
    private volatile Loaded loaded;

    private record Loaded(List<LocalDate> dates, long atNanos) {
    }

    @Inject
    public JpaBankHolidayRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaBankHolidayRepository() {
        this(null);
    }

    @Override
    public List<LocalDate> all() {
        Loaded current = loaded;
        if (current == null || System.nanoTime() - current.atNanos() > KEEP_NANOS) {
            current = new Loaded(load(), System.nanoTime());
            loaded = current;
        }
        return current.dates();
    }

    private List<LocalDate> load() {
        List<?> rows = em.createNativeQuery("SELECT holiday_date FROM bank_holiday").getResultList();
        return rows.stream().map(row -> row instanceof Date date ? date.toLocalDate() : (LocalDate) row).toList();
    }
}
