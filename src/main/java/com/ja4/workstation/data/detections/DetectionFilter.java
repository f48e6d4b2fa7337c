package com.ja4.workstation.data.detections;

/**
 * The Detections filters; blank means "any". Search matches a host as a literal substring, and
 * an IP: a whole address selects exactly that client, partial text any address containing it.
 */
public record DetectionFilter(String threatLevel, String search, String asnOrg, String countryCode,
                              String ja4, String botName, String browserFamily) {

    public static final DetectionFilter NONE = new DetectionFilter("", "", "", "", "", "", "");

    public DetectionFilter {
        threatLevel = clean(threatLevel);
        search = typed(search);
        asnOrg = clean(asnOrg);
        countryCode = clean(countryCode);
        ja4 = clean(ja4);
        botName = clean(botName);
        browserFamily = clean(browserFamily);
    }

    public DetectionFilter withThreatLevel(String v) {
        return new DetectionFilter(v, search, asnOrg, countryCode, ja4, botName, browserFamily);
    }

    public DetectionFilter withSearch(String v) {
        return new DetectionFilter(threatLevel, v, asnOrg, countryCode, ja4, botName, browserFamily);
    }

    public DetectionFilter withCountryCode(String v) {
        return new DetectionFilter(threatLevel, search, asnOrg, v, ja4, botName, browserFamily);
    }

    public DetectionFilter withAsnOrg(String v) {
        return new DetectionFilter(threatLevel, search, v, countryCode, ja4, botName, browserFamily);
    }

    public DetectionFilter withJa4(String v) {
        return new DetectionFilter(threatLevel, search, asnOrg, countryCode, v, botName, browserFamily);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** A value to match exactly, as it is in the data (a facet value is never trimmed); blank means any. */
    private static String clean(String v) {
        return v == null || v.isBlank() ? "" : v;
    }

    /** Text typed in the search box: surrounding blanks are not meant. */
    private static String typed(String v) {
        return v == null ? "" : v.strip();
    }
}
