package org.waypoint.core.calendar;

import java.time.LocalDate;
import java.util.List;

/** The bank holidays of England and Wales, kept as data (the migrations hold 2025 to 2028). */
public interface BankHolidayRepository {

    List<LocalDate> all();
}
