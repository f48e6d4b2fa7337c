package com.ja4.workstation.data.demo;

import com.ja4.workstation.data.demo.TcpStack.Os;
import java.util.List;

/**
 * The fixed vocabulary of the demo: client programs, networks, sites and paths. Browser JA4s are
 * the published fingerprints of current Chrome/Edge, Firefox and Safari; the fingerprints of tools
 * and crawlers are representative values in valid JA4 form (protocol, version, SNI, counts, ALPN,
 * two truncated SHA-256 hashes), not copied from a fingerprint database.
 */
final class Catalog {

    private Catalog() {
    }

    static final String H1 = "HTTP/1.1";
    static final String H2 = "HTTP/2.0";

    // --- TLS fingerprints -----------------------------------------------------------------
    static final String JA4_CHROME = "t13d1516h2_8daaf6152771_d8a2da3f94cd";
    static final String JA4_CHROME_OLD = "t13d1516h2_8daaf6152771_02713d6af862";
    static final String JA4_FIREFOX = "t13d1717h2_5b57614c22b0_3cbfd9057e0d";
    static final String JA4_SAFARI = "t13d2014h2_a09f3c656075_14788d8d241b";
    static final String JA4_PYTHON = "t13d5911h1_a33745022dd6_1f22a2ca17c4";
    static final String JA4_CURL = "t13d3112h2_e8f1e7e78f70_b26ce05bbdd6";
    static final String JA4_GO = "t13d1312h2_f57a46bbacb6_e7c285222651";
    static final String JA4_SCRAPY = "t13d301000_1d37bd780c83_d339722ba4af";
    static final String JA4_NIKTO = "t12d4605h1_b3e5de6c9a41_5a6ac56a7b8e";
    static final String JA4_GOOGLEBOT = "t13d1813h2_e8a523a41297_7a1d54a39fb7";
    static final String JA4_BINGBOT = "t13d2613h2_2a284e3b0c56_0fd3d0b3d8a2";
    /** Masscan's built-in ClientHello: TLS 1.2, no SNI, no extensions, hence no ALPN. */
    static final String JA4_MASSCAN = "t12i070000_7d8a1f6b4c2e_000000000000";

    // --- browsers as residential users run them ---------------------------------------------
    record BrowserBuild(Agent agent, Os os, int weight) {
    }

    private static Agent browser(String ja4, String family, String ua) {
        return new Agent(ja4, ua, family, "", H2, false);
    }

    static final List<BrowserBuild> BROWSERS = List.of(
            new BrowserBuild(browser(JA4_CHROME, "Chrome",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"), Os.WINDOWS, 24),
            new BrowserBuild(browser(JA4_CHROME_OLD, "Chrome",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"), Os.WINDOWS, 4),
            new BrowserBuild(browser(JA4_CHROME, "Edge",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0"), Os.WINDOWS, 8),
            new BrowserBuild(browser(JA4_FIREFOX, "Firefox",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0"), Os.WINDOWS, 5),
            new BrowserBuild(browser(JA4_CHROME, "Chrome",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"), Os.MACOS, 6),
            new BrowserBuild(browser(JA4_SAFARI, "Safari",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15"), Os.MACOS, 6),
            new BrowserBuild(browser(JA4_FIREFOX, "Firefox",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:145.0) Gecko/20100101 Firefox/145.0"), Os.MACOS, 1),
            new BrowserBuild(browser(JA4_CHROME, "Chrome",
                    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"), Os.LINUX, 2),
            new BrowserBuild(browser(JA4_FIREFOX, "Firefox",
                    "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0"), Os.LINUX, 2),
            new BrowserBuild(browser(JA4_CHROME, "Chrome",
                    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36"), Os.ANDROID, 20),
            new BrowserBuild(browser(JA4_FIREFOX, "Firefox",
                    "Mozilla/5.0 (Android 15; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0"), Os.ANDROID, 1),
            new BrowserBuild(browser(JA4_SAFARI, "Safari",
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1"), Os.IOS, 21));

    /** UAs a credential-stuffing kit rotates through to look like many browsers. */
    static final List<String> ROTATED_BROWSER_UAS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:143.0) Gecko/20100101 Firefox/143.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0");

    // --- automation -------------------------------------------------------------------------
    static final Agent PYTHON_REQUESTS = new Agent(JA4_PYTHON, "python-requests/2.32.3", "", "", H1, false);
    static final Agent CURL = new Agent(JA4_CURL, "curl/8.5.0", "", "", H2, false);
    static final Agent GO_CLIENT = new Agent(JA4_GO, "Go-http-client/2.0", "", "", H2, false);
    static final Agent SCRAPY = new Agent(JA4_SCRAPY, "Scrapy/2.11.2 (+https://scrapy.org)", "", "", H1, false);
    /** Headless Chrome has Chrome's TLS stack, so the JA4 dictionary still says Chrome. */
    static final Agent HEADLESS_CHROME = new Agent(JA4_CHROME,
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36",
            "Chrome", "", H2, true);
    static final List<Agent> SCRAPER_AGENTS = List.of(PYTHON_REQUESTS, CURL, GO_CLIENT, SCRAPY, HEADLESS_CHROME);

    static final Agent GOOGLEBOT = new Agent(JA4_GOOGLEBOT,
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "", "Googlebot", H2, false);
    static final Agent GOOGLEBOT_SMARTPHONE = new Agent(JA4_GOOGLEBOT,
            "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "", "Googlebot", H2, false);
    static final Agent BINGBOT = new Agent(JA4_BINGBOT,
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "", "Bingbot", H2, false);

    /** Masscan's banner grab is a bare HTTP/1.0 GET with its own UA. */
    static final Agent MASSCAN = new Agent(JA4_MASSCAN,
            "masscan/1.3 (https://github.com/robertdavidgraham/masscan)", "", "", "HTTP/1.0", false);

    static final List<Agent> FUZZER_AGENTS = List.of(
            new Agent(JA4_GO, "Fuzz Faster U Fool v2.1.0", "", "", H2, false),
            new Agent(JA4_GO, "gobuster/3.6", "", "", H2, false),
            new Agent(JA4_NIKTO, "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:Port Check)", "", "", H1, false),
            new Agent(JA4_GO, "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)", "", "", H2, false));

    /**
     * TLS-impersonation kits replay a browser ClientHello but keep their own HTTP/1.1 stack and
     * header order, which is exactly what the consistency features catch.
     */
    static final List<Agent> SPOOFED_BROWSERS = List.of(
            browser(JA4_CHROME, "Chrome",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36").withHttpVersion(H1),
            browser(JA4_CHROME_OLD, "Chrome",
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36").withHttpVersion(H1),
            browser(JA4_SAFARI, "Safari",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15").withHttpVersion(H1));

    // --- networks ---------------------------------------------------------------------------
    static final List<Asn> RESIDENTIAL_ASNS = List.of(
            new Asn("human", "Orange S.A.", "FR", List.of("90.12", "90.45", "86.210", "92.184"), "2a01:cb14"),
            new Asn("human", "Free SAS", "FR", List.of("88.166", "82.65", "78.193"), "2a01:e0a"),
            new Asn("human", "Deutsche Telekom AG", "DE", List.of("79.221", "91.14", "87.161"), "2003:e8"),
            new Asn("human", "British Telecommunications PLC", "GB", List.of("86.151", "81.156", "109.150"), ""),
            new Asn("human", "Comcast Cable Communications, LLC", "US", List.of("73.162", "24.18", "98.207"), "2601:646"),
            new Asn("isp", "Vodafone GmbH", "DE", List.of("188.192", "95.90"), ""),
            new Asn("isp", "Proximus NV", "BE", List.of("81.243", "109.128"), ""),
            new Asn("isp", "Telefonica de Espana S.A.U.", "ES", List.of("83.34", "88.27"), ""));

    static final List<Asn> MOBILE_ASNS = List.of(
            new Asn("mobile", "Bouygues Telecom SA", "FR", List.of("176.139", "37.169"), "2a01:e34"),
            new Asn("mobile", "SFR SA", "FR", List.of("77.136", "109.218"), ""),
            new Asn("mobile", "T-Mobile USA, Inc.", "US", List.of("172.58", "172.56"), "2607:fb90"),
            new Asn("mobile", "Telefonica Germany GmbH & Co. OHG", "DE", List.of("89.204", "176.0"), ""));

    /** Crawlers come from the /24s the search engines publish for them. */
    static final Asn GOOGLE = new Asn("datacenter", "Google LLC", "US", List.of("66.249.66", "66.249.68", "66.249.79"), "");
    static final Asn MICROSOFT = new Asn("datacenter", "Microsoft Corporation", "US", List.of("40.77.167", "157.55.39", "207.46.13"), "");

    static final List<Asn> DATACENTER_ASNS = List.of(
            new Asn("datacenter", "Amazon.com, Inc.", "US", List.of("3.85", "18.204", "52.14", "54.81"), ""),
            new Asn("datacenter", "Google LLC", "US", List.of("34.141", "35.187"), ""),
            new Asn("datacenter", "Microsoft Corporation", "IE", List.of("20.54", "13.69"), ""),
            new Asn("datacenter", "Alibaba (US) Technology Co., Ltd.", "CN", List.of("47.88", "47.242"), ""),
            new Asn("datacenter", "Tencent Building, Kejizhongyi Avenue", "CN", List.of("43.135", "43.153"), ""));

    static final List<Asn> HOSTING_ASNS = List.of(
            new Asn("hosting", "OVH SAS", "FR", List.of("51.77", "137.74", "145.239"), ""),
            new Asn("hosting", "Hetzner Online GmbH", "DE", List.of("5.9", "88.198", "95.216"), ""),
            new Asn("hosting", "DigitalOcean, LLC", "US", List.of("167.99", "159.89", "143.198"), ""),
            new Asn("hosting", "Akamai Connected Cloud", "US", List.of("45.33", "172.104"), ""),
            new Asn("hosting", "M247 Europe SRL", "RO", List.of("146.70", "185.236"), ""),
            new Asn("hosting", "Chang Way Technologies Co. Limited", "HK", List.of("80.94", "194.26"), ""));

    // --- the protected sites ----------------------------------------------------------------
    static final String SHOP = "www.maison-lumiere.fr";
    static final String SHOP_LOGIN = "login.maison-lumiere.fr";
    static final String SHOP_API = "api.maison-lumiere.fr";
    static final String TRAVEL = "www.nordlys-travel.com";
    static final List<String> HOSTS = List.of(SHOP, SHOP_LOGIN, SHOP_API, TRAVEL);

    static final List<String> ASSETS = List.of(
            "/static/css/app.3f9a1c.css", "/static/js/vendor.8b21e0.js", "/static/js/app.c47d2e.js",
            "/fonts/inter-var.woff2", "/favicon.ico", "/static/img/logo.svg", "/static/js/consent.1a2b3c.js");

    static final List<String> LOGIN_POSTS = List.of("/account/login", "/account/login", "/account/login",
            "/api/v2/auth/token");

    /** What a fuzzer's word lists throw at a site: leaked files, admin panels, known exploits. */
    static final List<String> PROBES = List.of(
            "/.env", "/.git/config", "/.git/HEAD", "/wp-login.php", "/wp-admin/setup-config.php", "/xmlrpc.php",
            "/phpmyadmin/index.php", "/admin/.htpasswd", "/backup.zip", "/config.php.bak", "/actuator/env",
            "/actuator/heapdump", "/server-status", "/cgi-bin/luci/;stok=/locale", "/.aws/credentials",
            "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/?id=1%27%20OR%20%271%27=%271",
            "/..%2f..%2f..%2f..%2fetc%2fpasswd", "/solr/admin/cores?action=STATUS", "/console/login/LoginForm.jsp",
            "/owa/auth/logon.aspx", "/HNAP1/", "/boaform/admin/formLogin", "/.DS_Store", "/debug/pprof/");
    static final List<String> FUZZ_WORDS = List.of("admin", "backup", "old", "test", "dev", "console", "debug",
            "staging", "db", "private", "tmp", "upload", "install", "api", "internal", "secret", "logs", "config");
    static final List<String> FUZZ_SUFFIXES = List.of("", "/", ".php", ".bak", ".old", ".zip", ".sql", ".tar.gz", "~");
}
