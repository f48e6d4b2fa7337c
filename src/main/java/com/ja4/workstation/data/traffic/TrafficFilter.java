package com.ja4.workstation.data.traffic;

/**
 * The Traffic filters; blank means "any". Method, host and HTTP version match exactly; search
 * matches IP, path or user agent as a literal substring.
 */
public record TrafficFilter(String method, String host, String httpVersion, String search) {

    public static final TrafficFilter NONE = new TrafficFilter("", "", "", "");

    public TrafficFilter {
        method = clean(method);
        host = clean(host);
        httpVersion = clean(httpVersion);
        search = typed(search);
    }

    public TrafficFilter withMethod(String v) {
        return new TrafficFilter(v, host, httpVersion, search);
    }

    public TrafficFilter withHost(String v) {
        return new TrafficFilter(method, v, httpVersion, search);
    }

    public TrafficFilter withHttpVersion(String v) {
        return new TrafficFilter(method, host, v, search);
    }

    public TrafficFilter withSearch(String v) {
        return new TrafficFilter(method, host, httpVersion, v);
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
