package org.waypoint.core.calendar.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.waypoint.core.calendar.BankHolidayRepository;

@ApplicationScoped
public class JpaBankHolidayRepository implements BankHolidayRepository {

    private final EntityManager em;

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
        List<?> rows = em.createNativeQuery("SELECT holiday_date FROM bank_holiday").getResultList();
        return rows.stream().map(row -> row instanceof Date date ? date.toLocalDate() : (LocalDate) row).toList();
    }
}
