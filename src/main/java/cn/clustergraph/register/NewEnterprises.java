package cn.clustergraph.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The first-load path: which register rows only concern enterprises new to the graph, and their rows for the CREATE statements. */
final class NewEnterprises {

    /** How one row is written. */
    enum Route {
        /** {@code CREATE}: every enterprise it touches is new. */
        CREATE,
        /** {@code MERGE} / {@code SET}: the general way. */
        UPSERT,
        /** the general way, after everything else of the sheet is committed (a repeated supply link of a new enterprise) */
        UPSERT_LATER,
        /** a removal that cannot find anything (a figure or honour of a new enterprise that the file does not list) */
        NOTHING
    }

    private final RegisterValidation validation;
    private final Map<String, String> segmentChain;
    private final LongSet links = new LongSet();

    NewEnterprises(RegisterValidation validation, RegisterRows.Vocabulary vocabulary) {
        this.validation = validation;
        this.segmentChain = vocabulary.segmentChain();
    }

    /** Enterprise rows: CREATE when new (then {@link #enterprise} builds its row). */
    Route enterpriseRoute(Map<String, Object> m) {
        return validation.isNew((String) m.get("id")) ? Route.CREATE : Route.UPSERT;
    }

    /** Figure and honour rows: CREATE when their enterprise is new; their removals then find nothing. */
    Route ownRoute(Map<String, Object> m) {
        if (!validation.isNew((String) m.get("id"))) {
            return Route.UPSERT;
        }
        return Boolean.TRUE.equals(m.get("remove")) ? Route.NOTHING : Route.CREATE;
    }

    /**
     * Supply links: CREATE when an end is new and the link (supplier, customer, key) was not seen before in this file; a
     * repeat is merged onto the first after the sheet's other batches are committed, as the upsert would have.
     */
    Route supplyRoute(Map<String, Object> m) {
        if (Boolean.TRUE.equals(m.get("remove"))
                || !(validation.isNew((String) m.get("supplier")) || validation.isNew((String) m.get("customer")))) {
            return Route.UPSERT;
        }
        return links.add(m.get("supplier") + "\u0000" + m.get("customer") + "\u0000" + m.get("key")) ? Route.CREATE : Route.UPSERT_LATER;
    }

    /** The CREATE row of a new enterprise: its properties, and its segments, town and platforms. */
    @SuppressWarnings("unchecked")
    Map<String, Object> enterprise(Map<String, Object> m, String dataset, boolean sample) {
        String id = (String) m.get("id");
        boolean local = (Boolean) m.get("local");
        List<String> aliases = (List<String>) m.get("aliasesAdd");
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("creditCode", id);
        p.put("name", m.get("name"));
        p.put("local", local);
        p.put("scale", Boolean.TRUE.equals(m.get("scale")));
        p.put("chainLeader", Boolean.TRUE.equals(m.get("chainLeader")));
        p.put("aliases", aliases);
        p.put("region", local ? null : m.get("region"));
        validation.facts().derived(id, aliases).putInto(p);
        p.put("dataset", dataset);
        p.put("sample", sample);
        p.put("stated", false);
        List<String> segments = (List<String>) m.get("segmentsAdd");
        double[] shares = EnterpriseValues.shares(segments, segmentChain::get);
        List<Map<String, Object>> segs = new ArrayList<>(segments.size());
        for (int i = 0; i < shares.length; i++) {
            segs.add(Map.of("id", segments.get(i), "primary", i == 0, "share", shares[i]));
        }
        return RegisterRows.map("props", p, "segments", segs, "town", local ? m.get("town") : null, "platforms", m.get("platformsAdd"));
    }

    /**
     * Consecutive rows with the same {@code key} (the enterprise a figure, honour or supply link starts from) as one
     * {@code {id, rows}} entry, so the statement looks the enterprise up once per run instead of once per row.
     */
    static List<Map<String, Object>> grouped(List<Map<String, Object>> rows, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Map<String, Object>> run = null;
        Object current = null;
        for (Map<String, Object> r : rows) {
            if (run == null || !r.get(key).equals(current)) {
                current = r.get(key);
                run = new ArrayList<>();
                out.add(Map.of("id", current, "rows", run));
            }
            run.add(r);
        }
        return out;
    }
}
