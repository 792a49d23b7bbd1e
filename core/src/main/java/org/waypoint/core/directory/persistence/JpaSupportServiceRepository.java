package org.waypoint.core.directory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.waypoint.core.directory.AgeRange;
import org.waypoint.core.directory.Capacity;
import org.waypoint.core.directory.DeliveryMode;
import org.waypoint.core.directory.Eligibility;
import org.waypoint.core.directory.OpeningTime;
import org.waypoint.core.directory.ServiceCategory;
import org.waypoint.core.directory.ServiceProfile;
import org.waypoint.core.directory.SupportService;
import org.waypoint.core.directory.SupportServiceRepository;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.RiskLevel;

@ApplicationScoped
public class JpaSupportServiceRepository implements SupportServiceRepository {

    // Not the opening times: EclipseLink 4.0 fails to change a batch-read collection of embeddables
    // (a NullPointerException extracting their fields), so they load one service at a time.
    private static final List<String> LISTS = List.of("categories", "postcodePrefixes", "genders", "crimeTypes",
            "riskLevels", "languages", "deliveryModes");
    private static final Map<String, Object> WITH_ORGANISATION = Map.of("eclipselink.join-fetch", "s.organisation");

    /** Changes kept on record by the service they changed; an instance further behind reads the whole directory. */
    static final int CHANGES_KEPT = 1000;

    private final EntityManager em;

    @Inject
    public JpaSupportServiceRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaSupportServiceRepository() {
        this(null);
    }

    /**
     * Every service with its organisation in one statement, and each of its lists read for all of
     * them at once (one query a list, however many services): a service's lists load lazily, so that
     * loading a referral does not read them. The batches join the services' query rather than list
     * their ids, which would take a query for every few hundred services.
     */
    @Override
    public List<SupportService> findAll() {
        return withLists(em.createQuery("SELECT s FROM SupportService s ORDER BY s.name, s.id", SupportService.class));
    }

    /** The same for a few services, their ids the statement's parameter. */
    @Override
    public List<SupportService> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withLists(em.createQuery("SELECT s FROM SupportService s WHERE s.id IN :ids", SupportService.class)
                .setParameter("ids", List.copyOf(ids)));
    }

    private static List<SupportService> withLists(TypedQuery<SupportService> query) {
        query.setHint("eclipselink.join-fetch", "s.organisation")
                .setHint("eclipselink.batch.type", "JOIN");
        for (String list : LISTS) {
            query.setHint("eclipselink.batch", "s." + list);
        }
        return query.getResultList();
    }

    /**
     * What matching needs of every service, read as plain values in one query for the services and
     * one for each of their lists, whatever their number, without making entities of them.
     */
    @Override
    public List<ServiceProfile> profiles() {
        return profiles(Scope.ALL);
    }

    /**
     * As {@link #profiles()}, for these ids (at most a few hundred: matching reads again the services
     * changed elsewhere), each read as a range of one id: Derby keeps the plan it made for a list of ids
     * while the tables were empty, which scans every list table whole, but follows the index for a range.
     */
    @Override
    public List<ServiceProfile> profiles(Collection<String> ids) {
        List<ServiceProfile> found = new ArrayList<>();
        new TreeSet<>(ids).forEach(id -> found.addAll(profiles(Scope.between(id, id))));
        return found;
    }

    /** As {@link #profiles()}, each statement limited to a range of ids, read through its index. */
    @Override
    public List<ServiceProfile> profilesBetween(String first, String last) {
        return profiles(Scope.between(first, last));
    }

    /**
     * The list tables are read row by row, not as one result list (150,000 rows of a list held at once,
     * while the whole directory is read for matching, outgrew the heap beside an import), and the codes,
     * areas and languages that many services share are kept once each.
     */
    private List<ServiceProfile> profiles(Scope scope) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, String> codes = new HashMap<>();
        Map<String, LanguageCode> languages = new HashMap<>();
        var query = em.createQuery("SELECT s.id, s.name, s.description, o.name, s.capacity, s.waitWeeks,"
                + " s.minAge, s.maxAge, s.interpretersAvailable, s.confidentialLocation, s.publicAddress,"
                + " s.capacityNote, o.id, s.lastModified FROM SupportService s JOIN s.organisation o"
                + scope.where("s.id", i -> "?" + i), Object[].class);
        for (int i = 0; i < scope.values.size(); i++) {
            query.setParameter(i + 1, scope.values.get(i));
        }
        for (Object[] s : query.getResultList()) {
            // an organisation's id and name, once however many of its services are read
            s[3] = codes.computeIfAbsent((String) s[3], Function.identity());
            s[12] = codes.computeIfAbsent((String) s[12], Function.identity());
            rows.put((String) s[0], new Row(s));
        }
        each("SELECT service_id, category_code FROM support_service_category", scope, rows,
                (row, v) -> row.categories.add(codes.computeIfAbsent(v, Function.identity())));
        each("SELECT service_id, postcode_prefix FROM support_service_area", scope, rows,
                (row, v) -> row.areas.add(codes.computeIfAbsent(v, Function.identity())));
        each("SELECT service_id, gender FROM support_service_gender", scope, rows, (row, v) -> row.genders.add(Gender.valueOf(v)));
        each("SELECT service_id, crime_type FROM support_service_crime_type", scope, rows,
                (row, v) -> row.crimeTypes.add(CrimeType.valueOf(v)));
        each("SELECT service_id, risk_level FROM support_service_risk_level", scope, rows,
                (row, v) -> row.riskLevels.add(RiskLevel.valueOf(v)));
        each("SELECT service_id, language_code FROM support_service_language", scope, rows,
                (row, v) -> row.languages.add(languages.computeIfAbsent(v, LanguageCode::new)));
        each("SELECT service_id, delivery_mode FROM support_service_delivery_mode", scope, rows,
                (row, v) -> row.deliveryModes.add(DeliveryMode.valueOf(v)));
        return rows.values().stream().map(Row::profile).toList();
    }

    /** Every service's schedule rows, in one statement: no entity is made. */
    @Override
    public Map<String, List<OpeningTime>> openingTimes() {
        return schedules(Scope.ALL);
    }

    /** The schedule rows of a range of services, in one statement. */
    @Override
    public Map<String, List<OpeningTime>> openingTimesBetween(String first, String last) {
        return schedules(Scope.between(first, last));
    }

    /** Opening times by service id, Monday first, of the services in scope. */
    private Map<String, List<OpeningTime>> schedules(Scope scope) {
        Map<String, List<OpeningTime>> times = new HashMap<>();
        rows("SELECT service_id, weekday, opens_at, closes_at FROM support_service_schedule", scope,
                row -> times.computeIfAbsent(((String) row[0]).strip(), id -> new ArrayList<>()).add(OpeningTime.of(
                        DayOfWeek.valueOf(((String) row[1]).strip()), ((String) row[2]).strip(), ((String) row[3]).strip())));
        times.values().forEach(list -> list.sort(Comparator.comparing(OpeningTime::day)));
        return times;
    }

    /**
     * Hands each value of a list to its service's row; a service added since the rows were read is
     * left for the next read. Each list's table is read whole, in SQL: in JPQL a list is reached
     * only through its service, and joining every row back to the services costs more than reading it.
     */
    private void each(String sql, Scope scope, Map<String, Row> rows, BiConsumer<Row, String> add) {
        rows(sql, scope, pair -> {
            Row row = rows.get(((String) pair[0]).strip());
            if (row != null) {
                add.accept(row, ((String) pair[1]).strip());
            }
        });
    }

    /**
     * Hands each row {@code sql} selects of the services in scope, their id its first column, to
     * {@code each} as it is read, through the transaction's own connection; outside a transaction there
     * is none to borrow, and the rows are read as one list.
     */
    @SuppressWarnings("unchecked")
    private void rows(String sql, Scope scope, Consumer<Object[]> each) {
        Connection connection = em.isJoinedToTransaction() ? em.unwrap(Connection.class) : null;
        if (connection == null) {
            var query = em.createNativeQuery(sql + scope.where("service_id", i -> "?" + i));
            for (int i = 0; i < scope.values.size(); i++) {
                query.setParameter(i + 1, scope.values.get(i));
            }
            ((List<Object[]>) query.getResultList()).forEach(each);
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql + scope.where("service_id", i -> "?"))) {
            for (int i = 0; i < scope.values.size(); i++) {
                statement.setString(i + 1, scope.values.get(i));
            }
            statement.setFetchSize(1000);
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                Object[] row = new Object[columns];
                while (result.next()) {
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getString(c + 1);
                    }
                    each.accept(row);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * Which services a read takes: every one, or a range of ids. Derby plans a statement once and keeps
     * the plan: one planned while the tables were empty scans them whole for a list of ids (seconds a
     * statement once there are 50,000 services), but follows the index for a range.
     */
    private record Scope(String condition, List<String> values) {

        static final Scope ALL = new Scope(null, List.of());

        static Scope between(String first, String last) {
            return new Scope("BETWEEN %s AND %s", List.of(first, last));
        }

        /** The statement's WHERE clause on {@code column}, parameter i (from 1) written as {@code parameter} says. */
        String where(String column, IntFunction<String> parameter) {
            if (condition == null) {
                return "";
            }
            Object[] parameters = new Object[values.size()];
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] = parameter.apply(i + 1);
            }
            return " WHERE " + column + " " + String.format(condition, parameters);
        }
    }

    @Override
    public long directoryVersion() {
        return ((Number) em.createNativeQuery("SELECT version FROM directory_version WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /**
     * The change's row is written under the lock the version's update takes, so the changes' versions
     * follow the order their transactions commit in; only the latest {@link #CHANGES_KEPT} are kept.
     */
    @Override
    public void countChange(Optional<String> serviceId) {
        em.createNativeQuery("UPDATE directory_version SET version = version + 1 WHERE id = 1").executeUpdate();
        if (serviceId.isPresent()) {
            long version = directoryVersion();
            em.createNativeQuery("INSERT INTO directory_change (version, service_id) VALUES (?1, ?2)")
                    .setParameter(1, version).setParameter(2, serviceId.get()).executeUpdate();
            em.createNativeQuery("DELETE FROM directory_change WHERE version <= ?1")
                    .setParameter(1, version - CHANGES_KEPT).executeUpdate();
        }
    }

    @Override
    public Optional<Set<String>> servicesChanged(long after, long upTo) {
        if (upTo - after > CHANGES_KEPT) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> changed = em.createNativeQuery("SELECT service_id FROM directory_change WHERE version > ?1 AND version <= ?2")
                .setParameter(1, after).setParameter(2, upTo).getResultList();
        if (changed.size() != upTo - after) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        changed.forEach(id -> ids.add(id.toString().strip()));
        return Optional.of(ids);
    }

    /**
     * The service with its organisation in the same statement. Like any find, it answers from the
     * persistence context when the service is already there.
     */
    @Override
    public Optional<SupportService> find(String id) {
        // No id names no record: JPA would throw rather than find nothing.
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(SupportService.class, id, WITH_ORGANISATION));
    }

    @Override
    public void writePending() {
        em.flush();
        em.clear();
    }

    @Override
    public void add(SupportService service) {
        em.persist(service);
    }

    @Override
    public List<ServiceCategory> categories() {
        return em.createQuery("SELECT c FROM ServiceCategory c ORDER BY c.code", ServiceCategory.class)
                .getResultList();
    }

    @Override
    public Optional<ServiceCategory> category(String code) {
        // No id names no record: JPA would throw rather than find nothing.
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(ServiceCategory.class, code));
    }

    /** One service's values as read, gathering its lists until the profile is made. */
    private static final class Row {

        private final Object[] values;
        // Lists, not sets, while reading: the profile keeps compact copies, and 50,000 rows' hash sets
        // were tens of megabytes of a read of the whole directory.
        private final List<String> categories = new ArrayList<>(4);
        private final List<String> areas = new ArrayList<>(4);
        private final Set<Gender> genders = EnumSet.noneOf(Gender.class);
        private final Set<CrimeType> crimeTypes = EnumSet.noneOf(CrimeType.class);
        private final Set<RiskLevel> riskLevels = EnumSet.noneOf(RiskLevel.class);
        private final List<LanguageCode> languages = new ArrayList<>(2);
        private final Set<DeliveryMode> deliveryModes = EnumSet.noneOf(DeliveryMode.class);

        Row(Object[] values) {
            this.values = values;
        }

        ServiceProfile profile() {
            AgeRange ages = new AgeRange(optional(values[6]), optional(values[7]));
            return new ServiceProfile((String) values[0], (String) values[1], (String) values[2], (String) values[12],
                    (String) values[3], Set.copyOf(categories), Set.copyOf(areas), (Capacity) values[4], optional(values[5]),
                    new Eligibility(ages, genders, crimeTypes, riskLevels), Set.copyOf(languages), (Boolean) values[8],
                    deliveryModes, (Boolean) values[9], Optional.ofNullable((String) values[10]),
                    Optional.ofNullable((String) values[11]), (Instant) values[13]);
        }

        private static OptionalInt optional(Object number) {
            return number == null ? OptionalInt.empty() : OptionalInt.of(((Number) number).intValue());
        }
    }
}
