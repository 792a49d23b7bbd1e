package org.waypoint.web.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.report.Report;
import org.waypoint.core.report.ReportFilter;
import org.waypoint.core.report.ReportQueries.Choice;
import org.waypoint.core.report.Reports;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.RuleViolation;
import org.waypoint.web.page.DateFields;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.FormErrors;
import org.waypoint.web.page.Messages;
import org.waypoint.web.page.Pages;
import org.waypoint.web.session.Me;

/**
 * The reports: a plain GET form (a period and the filters, ids and codes only) and, for what it
 * chooses, each figure as a chart, a table and a CSV file. Administrators report on every referral,
 * everyone else on their own organisation's; the core decides which. Asking for {@code download}
 * (a figure's id, or {@value Reports#QUARTERLY_RETURN}) answers with that CSV file instead of the page.
 */
@Named("reportsPage")
@RequestScoped
public class ReportsPage {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final int MONTHS_OFFERED = 24;
    private static final int QUARTERS_OFFERED = 8;

    @Inject
    Reports reports;

    @Inject
    Me me;

    @Inject
    FormErrors errors;

    @Inject
    Clock clock;

    private String period;
    private String month;
    private String quarter;
    private String fromDay;
    private String fromMonth;
    private String fromYear;
    private String toDay;
    private String toMonth;
    private String toYear;
    private String organisation;
    private String service;
    private String need;
    private String crimeType;
    private String urgency;
    private String download;

    private Reports.Choices choices;
    private Report report;
    private List<ReportView> views;

    /** The view action: checks the form, runs the report, or answers with the CSV file asked for. */
    public void load() {
        Optional<ReportFilter> filter = filter();
        if (filter.isEmpty()) {
            return;
        }
        String wanted = Pages.trimmed(download);
        if (wanted == null) {
            report = reports.read(me.actor(), filter.get());
            return;
        }
        if (wanted.equals(Reports.QUARTERLY_RETURN)) {
            ReportFilter quarterFilter = narrowed(quarterPeriod());
            sendCsv("waypoint-quarterly-return-" + selectedQuarter() + ".csv",
                    QuarterlyReturnCsv.of(selectedQuarter(), reports.quarterlyReturn(me.actor(), quarterFilter)));
            return;
        }
        report = reports.read(me.actor(), filter.get());
        Optional<ReportView> view = getTables().stream().filter(v -> v.getId().equals(wanted)).findFirst();
        if (view.isEmpty()) {
            Pages.notFound();
            return;
        }
        sendCsv("waypoint-" + wanted + "-" + filter.get().from() + "-to-" + filter.get().to() + ".csv", view.get().csv());
    }

    private void sendCsv(String fileName, String body) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try {
            Writer out = external.getResponseOutputWriter();
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Every figure of the report, in the page's order; none when the form has errors. */
    public List<ReportView> getTables() {
        if (views == null) {
            views = report == null ? List.of() : report.tables().stream().map(ReportView::new).toList();
        }
        return views;
    }

    public boolean isShown() {
        return report != null;
    }

    /** The period the figures cover, for the page's heading. */
    public String getPeriodText() {
        if (report == null) {
            return "";
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        return ReportView.text("period.text", report.filter().from().format(day), report.filter().to().format(day));
    }

    /** The link to a figure's CSV: this page's query with the download asked for. */
    public String csvLink(String id) {
        return query(id);
    }

    public String getQuarterlyReturnLink() {
        return query(Reports.QUARTERLY_RETURN);
    }

    public String getQuarterlyReturnText() {
        return ReportView.text("quarterlyReturn.link", quarterLabel(selectedQuarter()));
    }

    private String query(String downloadId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("period", getPeriod());
        parameters.put("month", getMonth());
        parameters.put("quarter", getQuarter());
        parameters.put("fromDay", fromDay);
        parameters.put("fromMonth", fromMonth);
        parameters.put("fromYear", fromYear);
        parameters.put("toDay", toDay);
        parameters.put("toMonth", toMonth);
        parameters.put("toYear", toYear);
        parameters.put("organisation", organisation);
        parameters.put("service", service);
        parameters.put("need", need);
        parameters.put("crimeType", crimeType);
        parameters.put("urgency", urgency);
        parameters.put("download", downloadId);
        StringBuilder query = new StringBuilder(Pages.request().getContextPath()).append("/reports");
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String value = Pages.trimmed(p.getValue());
            if (value != null) {
                query.append(separator).append(p.getKey()).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return query.toString();
    }

    private Optional<ReportFilter> filter() {
        Optional<ReportFilter> period = switch (getPeriod()) {
            case "month" -> monthPeriod();
            case "custom" -> customPeriod();
            case "quarter" -> Optional.of(quarterPeriod());
            default -> {
                errors.add("period", ReportView.text("error.period"));
                yield Optional.empty();
            }
        };
        if (!known(organisation, getChoices().organisations())) {
            errors.add("organisation", ReportView.text("error.organisation"));
        }
        if (!known(service, getChoices().services())) {
            errors.add("service", ReportView.text("error.service"));
        }
        if (!known(need, getChoices().needs())) {
            errors.add("need", ReportView.text("error.need"));
        }
        if (Pages.trimmed(crimeType) != null && parse(crimeType, CrimeType.class).isEmpty()) {
            errors.add("crimeType", ReportView.text("error.crimeType"));
        }
        if (Pages.trimmed(urgency) != null && parse(urgency, Urgency.class).isEmpty()) {
            errors.add("urgency", ReportView.text("error.urgency"));
        }
        if (period.isEmpty() || !errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(narrowed(period.get()));
    }

    private ReportFilter narrowed(ReportFilter period) {
        ReportFilter filter = period;
        String org = Pages.trimmed(organisation);
        if (org != null) {
            filter = filter.organisation(org);
        }
        String serviceId = Pages.trimmed(service);
        if (serviceId != null) {
            filter = filter.service(serviceId);
        }
        String needCode = Pages.trimmed(need);
        if (needCode != null) {
            filter = filter.need(needCode);
        }
        Optional<CrimeType> crime = parse(crimeType, CrimeType.class);
        if (crime.isPresent()) {
            filter = filter.crimeType(crime.get());
        }
        Optional<Urgency> urgent = parse(urgency, Urgency.class);
        if (urgent.isPresent()) {
            filter = filter.urgency(urgent.get());
        }
        return filter;
    }

    private static boolean known(String value, List<Choice> choices) {
        String id = Pages.trimmed(value);
        return id == null || choices.stream().anyMatch(c -> c.id().equals(id));
    }

    private static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type) {
        String name = Pages.trimmed(value);
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private Optional<ReportFilter> monthPeriod() {
        Matcher m = MONTH.matcher(getMonth());
        try {
            if (m.matches()) {
                return Optional.of(ReportFilter.month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
            }
        } catch (DateTimeException notAMonth) {
            // reported below
        }
        errors.add("month", ReportView.text("error.month"));
        return Optional.empty();
    }

    private ReportFilter quarterPeriod() {
        String chosen = selectedQuarter();
        Matcher m = QUARTER.matcher(chosen);
        m.matches();
        return ReportFilter.quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter chosen, or this quarter when none (or nonsense) was. */
    private String selectedQuarter() {
        String chosen = Pages.trimmed(quarter);
        if (chosen != null && QUARTER.matcher(chosen).matches()) {
            int year = Integer.parseInt(chosen.substring(0, 4));
            if (year >= 2000 && year <= 2999) {
                return chosen;
            }
        }
        return quarterOf(today());
    }

    private Optional<ReportFilter> customPeriod() {
        Optional<LocalDate> from = date("from", fromDay, fromMonth, fromYear);
        Optional<LocalDate> to = date("to", toDay, toMonth, toYear);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (to.get().isBefore(from.get())) {
            errors.add("to-day", ReportView.text("error.order"));
            return Optional.empty();
        }
        try {
            return Optional.of(ReportFilter.between(from.get(), to.get()));
        } catch (RuleViolation tooLong) {
            errors.add("to-day", ReportView.text("error.tooLong", ReportFilter.MAX_MONTHS));
            return Optional.empty();
        }
    }

    private Optional<LocalDate> date(String field, String day, String monthValue, String year) {
        Optional<LocalDate> date = DateFields.parse(day, monthValue, year);
        if (date.isEmpty()) {
            errors.add(field + "-day", ReportView.text("error." + field));
        }
        return date;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.LONDON));
    }

    private static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    private static String quarterLabel(String value) {
        return ReportView.text("quarter.label", value.substring(6), value.substring(0, 4));
    }

    public Reports.Choices getChoices() {
        if (choices == null) {
            choices = reports.choices(me.actor());
        }
        return choices;
    }

    public List<Option> getMonthOptions() {
        List<Option> options = new ArrayList<>();
        YearMonth current = YearMonth.from(today());
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            YearMonth m = current.minusMonths(i);
            options.add(new Option(m.toString(), m.format(label), null));
        }
        return options;
    }

    public List<Option> getQuarterOptions() {
        List<Option> options = new ArrayList<>();
        LocalDate day = today();
        for (int i = 0; i < QUARTERS_OFFERED; i++) {
            String value = quarterOf(day.minusMonths(3L * i));
            options.add(new Option(value, quarterLabel(value), null));
        }
        return options;
    }

    public List<Option> getCrimeTypeOptions() {
        return java.util.Arrays.stream(CrimeType.values()).map(c -> new Option(c.name(), Messages.text("crime." + c.name()), null)).toList();
    }

    public List<Option> getUrgencyOptions() {
        return java.util.Arrays.stream(Urgency.values())
                .map(u -> new Option(u.name(), ReportView.text("urgency." + u.name()), null)).toList();
    }

    public String getPeriod() {
        String chosen = Pages.trimmed(period);
        return chosen == null ? "quarter" : chosen;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getMonth() {
        String chosen = Pages.trimmed(month);
        return chosen == null ? YearMonth.from(today()).toString() : chosen;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getQuarter() {
        return selectedQuarter();
    }

    public void setQuarter(String quarter) {
        this.quarter = quarter;
    }

    public String getFromDay() {
        return fromDay;
    }

    public void setFromDay(String fromDay) {
        this.fromDay = fromDay;
    }

    public String getFromMonth() {
        return fromMonth;
    }

    public void setFromMonth(String fromMonth) {
        this.fromMonth = fromMonth;
    }

    public String getFromYear() {
        return fromYear;
    }

    public void setFromYear(String fromYear) {
        this.fromYear = fromYear;
    }

    public String getToDay() {
        return toDay;
    }

    public void setToDay(String toDay) {
        this.toDay = toDay;
    }

    public String getToMonth() {
        return toMonth;
    }

    public void setToMonth(String toMonth) {
        this.toMonth = toMonth;
    }

    public String getToYear() {
        return toYear;
    }

    public void setToYear(String toYear) {
        this.toYear = toYear;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getNeed() {
        return need;
    }

    public void setNeed(String need) {
        this.need = need;
    }

    public String getCrimeType() {
        return crimeType;
    }

    public void setCrimeType(String crimeType) {
        this.crimeType = crimeType;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getDownload() {
        return download;
    }

    public void setDownload(String download) {
        this.download = download;
    }
}
