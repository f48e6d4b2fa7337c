package com.ja4.workstation.analysis.fingerprint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which OS a User-Agent claims (agg_host_ip_ja4_1h.first_ua), from the platform tokens browsers
 * and the common app stacks put in it. Honest about what it cannot know: crawlers (which copy
 * browsers' platform tokens), command-line tools and libraries (which claim none), and strings
 * that name two systems come back UNKNOWN.
 */
public final class UserAgentOs {

    /** A claim and the token that made it ("Windows NT 10.0"), for the analyst's reasons. */
    public record Claim(ClaimedOs os, String evidence) {
        public boolean confident() {
            return os != ClaimedOs.UNKNOWN;
        }
    }

    /** Crawlers and scripted clients: the platform in their UA is borrowed, not theirs. */
    private static final Pattern NOT_A_CLAIM = Pattern.compile(
            "bot\\b|bot/|crawler|spider|slurp|archiver|facebookexternalhit|headlesschrome|phantomjs|lighthouse"
                    + "|^curl/|^wget/|python|^java/|go-http-client|okhttp|libwww|^axios|node-fetch|^scrapy|httpclient");
    private static final Pattern WINDOWS = Pattern.compile("windows nt [0-9.]+|windows (?:10|11|7|8|xp)\\b|\\bwin64\\b|\\bwin32\\b|\\bwow64\\b"
            + "|^microsoft-cryptoapi/|^microsoft-windows/|^microsoft ncsi|^microsoft-delivery-optimization/|^windows-update-agent");
    private static final Pattern ANDROID = Pattern.compile("\\bandroid\\b|\\bdalvik/");
    private static final Pattern IOS = Pattern.compile("iphone|ipad|ipod|\\bfbios\\b|\\bcpu (?:iphone )?os [0-9_]+ like mac os x");
    private static final Pattern MACOS = Pattern.compile("macintosh|mac os x|\\bmacos\\b");
    private static final Pattern DARWIN = Pattern.compile("\\bcfnetwork/|\\bdarwin/");
    private static final Pattern CHROMEOS = Pattern.compile("\\bcros\\b");
    private static final Pattern LINUX = Pattern.compile("^debian apt-http/|\\bx11\\b.*\\blinux\\b|\\blinux (?:x86_64|i686|aarch64|armv[0-9]+l?)\\b|\\bubuntu\\b|\\bfedora\\b");
    /** Platforms that run a Linux kernel but are not what an analyst means by "Linux": TVs, consoles, KaiOS. */
    private static final Pattern OTHER_PLATFORM = Pattern.compile(
            "smarttv|smart-tv|web0s|webos|tizen|playstation|nintendo|kaios|harmonyos|openharmony|windows phone|xbox");

    private UserAgentOs() {
    }

    public static Claim of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return new Claim(ClaimedOs.UNKNOWN, "no User-Agent");
        // Some logs keep the query-string form ("Windows+NT+5.1")
        String ua = userAgent.toLowerCase(Locale.ROOT).replace('+', ' ');
        var notAClaim = NOT_A_CLAIM.matcher(ua);
        if (notAClaim.find()) return new Claim(ClaimedOs.UNKNOWN, "crawler or library (" + notAClaim.group() + ")");
        var other = OTHER_PLATFORM.matcher(ua);
        if (other.find()) return new Claim(ClaimedOs.UNKNOWN, "other platform (" + other.group() + ")");
        // Order matters: Android and iOS UAs also say "Linux" and "like Mac OS X"; ChromeOS says X11.
        var m = ANDROID.matcher(ua);
        boolean android = m.find();
        String androidToken = android ? m.group() : null;
        boolean windows = WINDOWS.matcher(ua).find();
        if (android && windows) return new Claim(ClaimedOs.UNKNOWN, "claims both Android and Windows");
        if (android) return new Claim(ClaimedOs.ANDROID, androidToken.trim());
        m = IOS.matcher(ua);
        if (m.find()) return new Claim(ClaimedOs.IOS, m.group());
        m = CHROMEOS.matcher(ua);
        if (m.find()) return new Claim(ClaimedOs.CHROMEOS, "CrOS");
        m = WINDOWS.matcher(ua);
        if (m.find()) {
            if (MACOS.matcher(ua).find()) return new Claim(ClaimedOs.UNKNOWN, "claims both Windows and macOS");
            return new Claim(ClaimedOs.WINDOWS, m.group());
        }
        m = MACOS.matcher(ua);
        if (m.find()) return new Claim(ClaimedOs.MACOS, m.group());
        m = DARWIN.matcher(ua);
        if (m.find()) return new Claim(ClaimedOs.APPLE, m.group());
        m = LINUX.matcher(ua);
        if (m.find()) return new Claim(ClaimedOs.LINUX, m.group());
        return new Claim(ClaimedOs.UNKNOWN, "no OS token");
    }
}
