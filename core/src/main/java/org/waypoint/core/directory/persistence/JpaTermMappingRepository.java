package org.waypoint.core.directory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.waypoint.core.directory.TermMappingRepository;

/** The term mapping as rows of {@code import_term_mapping}: a lookup table with no behaviour, so no entity. */
@ApplicationScoped
public class JpaTermMappingRepository implements TermMappingRepository {

    private final EntityManager em;

    @Inject
    public JpaTermMappingRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI's proxy only. */
    protected JpaTermMappingRepository() {
        this(null);
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> mapping = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT source_term_id, waypoint_term_id FROM import_term_mapping")
                .getResultList();
        rows.forEach(row -> mapping.put(((String) row[0]).strip(), ((String) row[1]).strip()));
        return mapping;
    }

    @Override
    public void put(String sourceTermId, String waypointTermId) {
        remove(sourceTermId);
        em.createNativeQuery("INSERT INTO import_term_mapping (source_term_id, waypoint_term_id) VALUES (?, ?)")
                .setParameter(1, sourceTermId).setParameter(2, waypointTermId).executeUpdate();
    }

    @Override
    public void remove(String sourceTermId) {
        em.createNativeQuery("DELETE FROM import_term_mapping WHERE source_term_id = ?")
                .setParameter(1, sourceTermId).executeUpdate();
    }
}
