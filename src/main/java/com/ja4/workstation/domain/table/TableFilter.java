package com.ja4.workstation.domain.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an analyst table (Detections, Scores, Traffic) is filtered on: filter key -> value, all
 * combined with AND. A blank value means "any" and is dropped. A key is the free-text {@link #SEARCH}
 * or a column the table offers as a facet (threat level, ASN organisation, host…), matched exactly;
 * the data layer refuses any other key.
 *
 * <p>{@link #SEARCH} means the same in every table: a whole IP address selects exactly that client,
 * other text any row whose address or text columns contain it literally.
 */
public record TableFilter(Map<String, String> values) {

    public static final String SEARCH = "search";
    public static final String THREAT = "threat_level";
    public static final String ASN_ORG = "asn_org";
    public static final String COUNTRY = "country_code";
    public static final String JA4 = "ja4";
    public static final String BOT = "bot_name";
    public static final String BROWSER = "browser_family";
    public static final String METHOD = "method";
    public static final String HOST = "host";
    public static final String HTTP_VERSION = "http_version";

    public static final TableFilter NONE = new TableFilter(Map.of());

    public TableFilter {
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            // typed search text loses its surrounding blanks; an exact value is kept as it is in the
            // data (a hostile facet value with spaces or line breaks must still select its own rows)
            if (v == null || v.isBlank()) return;
            clean.put(k, SEARCH.equals(k) ? v.strip() : v);
        });
        values = Collections.unmodifiableMap(clean);
    }

    /** A filter on one value. */
    public static TableFilter of(String key, String value) {
        return NONE.with(key, value);
    }

    /** This filter with {@code key} set to {@code value} (blank: removed). */
    public TableFilter with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new TableFilter(m);
    }

    /** The value of a key, "" when not filtered on it. */
    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
