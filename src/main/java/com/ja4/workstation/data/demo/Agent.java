package com.ja4.workstation.data.demo;

/**
 * One HTTP client program as the sensors see it: its TLS fingerprint and what it claims.
 *
 * @param ja4           JA4 TLS fingerprint
 * @param userAgent     the User-Agent header it sends
 * @param browserFamily family that the JA4 dictionary maps the fingerprint to ("" when not a browser)
 * @param botName       self-declared crawler name ("" when none)
 * @param httpVersion   protocol it speaks after the handshake
 * @param headless      true for automation builds of a browser
 */
record Agent(String ja4, String userAgent, String browserFamily, String botName, String httpVersion, boolean headless) {

    /** True when the JA4 is in the browser dictionary, whatever the UA claims. */
    boolean knownBrowser() {
        return !browserFamily.isEmpty();
    }

    /** The ALPN part of the JA4 ("h2", "h1" or "00" when the client offered none). */
    String alpn() {
        return ja4.substring(8, 10);
    }

    Agent withUserAgent(String ua) {
        return new Agent(ja4, ua, browserFamily, botName, httpVersion, headless);
    }

    Agent withHttpVersion(String version) {
        return new Agent(ja4, userAgent, browserFamily, botName, version, headless);
    }
}
