package com.ja4.workstation.data.scores;

/** The Scores filters; blank means "any". Search matches IP or host as a literal substring. */
public record ScoreFilter(String threatLevel, String search, String asnOrg, String countryCode, String ja4,
                          String browserFamily) {

    public static final ScoreFilter NONE = new ScoreFilter("", "", "", "", "", "");

    public ScoreFilter {
        threatLevel = clean(threatLevel);
        search = typed(search);
        asnOrg = clean(asnOrg);
        countryCode = clean(countryCode);
        ja4 = clean(ja4);
        browserFamily = clean(browserFamily);
    }

    public ScoreFilter withThreatLevel(String v) {
        return new ScoreFilter(v, search, asnOrg, countryCode, ja4, browserFamily);
    }

    public ScoreFilter withSearch(String v) {
        return new ScoreFilter(threatLevel, v, asnOrg, countryCode, ja4, browserFamily);
    }

    public ScoreFilter withAsnOrg(String v) {
        return new ScoreFilter(threatLevel, search, v, countryCode, ja4, browserFamily);
    }

    public ScoreFilter withCountryCode(String v) {
        return new ScoreFilter(threatLevel, search, asnOrg, v, ja4, browserFamily);
    }

    public ScoreFilter withJa4(String v) {
        return new ScoreFilter(threatLevel, search, asnOrg, countryCode, v, browserFamily);
    }

    public ScoreFilter withBrowserFamily(String v) {
        return new ScoreFilter(threatLevel, search, asnOrg, countryCode, ja4, v);
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
