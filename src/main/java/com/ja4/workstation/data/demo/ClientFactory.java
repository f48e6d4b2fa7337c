package com.ja4.workstation.data.demo;

import static com.ja4.workstation.domain.ThreatLevel.CRITICAL;
import static com.ja4.workstation.domain.ThreatLevel.HIGH;
import static com.ja4.workstation.domain.ThreatLevel.LOW;
import static com.ja4.workstation.domain.ThreatLevel.MEDIUM;
import static com.ja4.workstation.domain.ThreatLevel.NORMAL;

import com.ja4.workstation.data.demo.Profile.Browse;
import com.ja4.workstation.data.demo.TcpStack.Os;
import com.ja4.workstation.domain.ClientIp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Draws the clients of each population with mutually consistent fingerprints, network and behaviour. */
final class ClientFactory {

    /** Share of eligible residential clients (ISP announces IPv6) that connect over IPv6: ~4 % of all IPs. */
    private static final double IPV6_SHARE = 0.13;

    private final SplittableRandom rng;
    private final int[] hourOfDay;
    private final Set<String> usedIps = new HashSet<>();

    /**
     * @param hourOfDay UTC hour of day of each hour of the window, so that people are active by day
     */
    ClientFactory(SplittableRandom rng, int[] hourOfDay) {
        this.rng = rng;
        this.hourOfDay = hourOfDay;
    }

    DemoClient create(DemoPopulation population) {
        return switch (population) {
            case RESIDENTIAL_BROWSER -> residential();
            case GOOD_BOT -> goodBot();
            case SCRAPER -> scraper();
            case MASSCAN -> masscan();
            case CREDENTIAL_STUFFER -> credentialStuffer();
            case FUZZER -> fuzzer();
            case JA4_SPOOFER -> spoofer();
        };
    }

    private DemoClient residential() {
        Catalog.BrowserBuild build = weighted(Catalog.BROWSERS);
        boolean handset = build.os() == Os.ANDROID || build.os() == Os.IOS;
        Asn asn = handset && rng.nextDouble() < 0.6 ? pick(Catalog.MOBILE_ASNS) : pick(Catalog.RESIDENTIAL_ASNS);
        boolean v6 = !asn.v6Prefix().isEmpty() && rng.nextDouble() < IPV6_SHARE;
        TcpStack stack = TcpStack.observe(build.os(), asn.label().equals("mobile"), rng);
        Agent agent = build.agent();
        boolean chromium = agent.ja4().equals(Catalog.JA4_CHROME) || agent.ja4().equals(Catalog.JA4_CHROME_OLD);
        // a few households run extensions or privacy settings that strip headers: consistency 3
        int consistency = rng.nextDouble() < 0.88 ? rng.nextInt(4, 6) : 3;
        Profile profile = new Profile.Builder()
                .hits(5, 35).hours(1, 4)
                .posts(vary(0.03, 0.02), false).assets(vary(0.6, 0.08)).probes(0).browse(Browse.VISIT)
                .pacing(vary(35, 15), false).newConnection(0.08)
                .directAccess(vary(0.15, 0.1)).modernBrowser(chromium ? vary(0.94, 0.05) : vary(0.86, 0.05))
                .headerCount(chromium ? vary(16, 1.5) : vary(12.5, 1)).ipIdZero(ipIdZero(build.os(), false))
                .headerOrder(vary(0.95, 0.05)).uaChMismatch(0).consistency(consistency)
                .threats(List.of(NORMAL, LOW), 0.85, 0.15)
                .build();
        String main = rng.nextDouble() < 0.55 ? Catalog.SHOP : Catalog.TRAVEL;
        List<String> hosts = new ArrayList<>(List.of(main));
        if (main.equals(Catalog.SHOP) && rng.nextDouble() < 0.4) hosts.add(Catalog.SHOP_API);
        if (main.equals(Catalog.SHOP) && rng.nextDouble() < 0.2) hosts.add(Catalog.SHOP_LOGIN);
        return client(v6 ? ipv6(asn) : ipv4(asn), DemoPopulation.RESIDENTIAL_BROWSER, List.of(agent), 1, asn, stack,
                profile, hosts, true, "", rng.nextInt(0, 90), build.os());
    }

    private DemoClient goodBot() {
        boolean google = rng.nextDouble() < 0.65;
        Agent agent = google ? (rng.nextBoolean() ? Catalog.GOOGLEBOT : Catalog.GOOGLEBOT_SMARTPHONE) : Catalog.BINGBOT;
        Asn asn = google ? Catalog.GOOGLE : Catalog.MICROSOFT;
        Profile profile = new Profile.Builder()
                .hits(4, 20).hours(8, 20)
                .assets(vary(0.08, 0.05)).probes(0).browse(Browse.CATALOGUE)
                .pacing(vary(60, 25), true).newConnection(0.3)
                .directAccess(vary(0.97, 0.03)).modernBrowser(vary(0.2, 0.08)).headerCount(vary(7, 1))
                .ipIdZero(ipIdZero(Os.LINUX, true)).headerOrder(vary(0.95, 0.04)).consistency(1)
                .threats(List.of(NORMAL, LOW), 0.9, 0.1) // crawl bursts sometimes flagged LOW
                .build();
        return client(ipv4(asn), DemoPopulation.GOOD_BOT, List.of(agent), 1, asn, TcpStack.observe(Os.LINUX, false, rng),
                profile, List.of(Catalog.SHOP, Catalog.TRAVEL), false, "", rng.nextInt(30, 365), Os.LINUX);
    }

    private DemoClient scraper() {
        List<Agent> agents = new ArrayList<>();
        agents.add(pick(Catalog.SCRAPER_AGENTS));
        boolean rotating = rng.nextDouble() < 0.3;
        while (rotating && agents.size() < 3) {
            Agent other = pick(Catalog.SCRAPER_AGENTS);
            if (!agents.contains(other)) agents.add(other);
        }
        boolean headless = agents.get(0).headless();
        double headers = switch (agents.get(0).userAgent().split("/")[0]) {
            case "python-requests" -> 4;
            case "curl" -> 3;
            case "Go-http-client" -> 3.5;
            case "Scrapy" -> 6.5;
            default -> 14;
        };
        Asn asn = rng.nextBoolean() ? pick(Catalog.DATACENTER_ASNS) : pick(Catalog.HOSTING_ASNS);
        Profile profile = new Profile.Builder()
                .hits(15, 55).hours(2, 8)
                .posts(vary(0.01, 0.01), false).assets(headless ? vary(0.35, 0.1) : vary(0.02, 0.02))
                .probes(vary(0.01, 0.01)).browse(Browse.CATALOGUE)
                .pacing(headless ? vary(5, 2) : vary(2.5, 1.5), true)
                .newConnection(headless ? 0.3 : vary(0.8, 0.2))
                .directAccess(headless ? vary(0.45, 0.15) : vary(0.9, 0.1))
                .modernBrowser(headless ? vary(0.65, 0.1) : vary(0.07, 0.07)).headerCount(vary(headers, 0.5))
                .ipIdZero(ipIdZero(Os.LINUX, true)).headerOrder(headless ? vary(0.78, 0.07) : vary(0.92, 0.07))
                .uaChMismatch(headless ? vary(0.4, 0.2) : 0).consistency(headless ? 2 : 0)
                .threats(List.of(MEDIUM, HIGH), headless ? 0.5 : 0.6, headless ? 0.5 : 0.4)
                .build();
        String main = rng.nextBoolean() ? Catalog.SHOP : Catalog.TRAVEL;
        List<String> hosts = main.equals(Catalog.SHOP) && rng.nextBoolean() ? List.of(main, Catalog.SHOP_API) : List.of(main);
        String campaign = headless && rng.nextBoolean() ? "CAMP-SCRAPE-HC01" : "";
        return client(ipv4(asn), DemoPopulation.SCRAPER, agents, rotating ? 2 : 1, asn,
                TcpStack.observe(Os.LINUX, false, rng), profile, hosts, false, campaign, rng.nextInt(0, 30), Os.LINUX);
    }

    private DemoClient masscan() {
        Asn asn = rng.nextDouble() < 0.8 ? pick(Catalog.HOSTING_ASNS) : pick(Catalog.DATACENTER_ASNS);
        Profile profile = new Profile.Builder()
                .hits(1, 2).hours(1, 1).browse(Browse.ROOT)
                .pacing(0.5, true).newConnection(1)
                .directAccess(1).modernBrowser(0).headerCount(rng.nextInt(2, 4)).ipIdZero(vary(0.02, 0.02))
                .headerOrder(vary(0.95, 0.03)).consistency(0)
                .threats(List.of(CRITICAL, HIGH), 0.75, 0.25)
                .build();
        // the scanner sweeps address space, not sites: it lands on whichever vhost answers the IP
        List<String> hosts = List.of(rng.nextBoolean() ? Catalog.SHOP : Catalog.TRAVEL);
        String campaign = rng.nextDouble() < 0.8 ? "CAMP-SCAN-01" : "";
        return client(ipv4(asn), DemoPopulation.MASSCAN, List.of(Catalog.MASSCAN), 1, asn,
                TcpStack.observe(Os.MASSCAN, false, rng), profile, hosts, false, campaign, rng.nextInt(0, 3), Os.MASSCAN);
    }

    private DemoClient credentialStuffer() {
        Agent tool = rng.nextDouble() < 0.6 ? Catalog.GO_CLIENT : Catalog.PYTHON_REQUESTS;
        List<Agent> agents = new ArrayList<>();
        int uas = rng.nextInt(3, 7);
        while (agents.size() < uas) {
            Agent a = tool.withUserAgent(pick(Catalog.ROTATED_BROWSER_UAS));
            if (!agents.contains(a)) agents.add(a);
        }
        // about a third rent residential proxies: home routers and phones relay the attempts
        boolean proxied = rng.nextDouble() < 0.35;
        Asn asn = proxied ? pick(Catalog.RESIDENTIAL_ASNS)
                : rng.nextBoolean() ? pick(Catalog.HOSTING_ASNS) : pick(Catalog.DATACENTER_ASNS);
        Os os = proxied ? (rng.nextBoolean() ? Os.WINDOWS : Os.ANDROID) : Os.LINUX;
        Profile profile = new Profile.Builder()
                .hits(20, 80).hours(2, 6)
                .posts(vary(0.84, 0.08), true).assets(0).probes(0).browse(Browse.VISIT)
                .pacing(vary(4, 2), true).newConnection(vary(0.7, 0.2))
                .directAccess(vary(0.93, 0.07)).modernBrowser(vary(0.3, 0.1)).headerCount(vary(8, 1))
                .ipIdZero(ipIdZero(os, !proxied)).headerOrder(vary(0.4, 0.1)).uaChMismatch(vary(0.6, 0.2))
                .consistency(rng.nextInt(0, 2))
                .threats(List.of(HIGH, CRITICAL), 0.55, 0.45)
                .build();
        List<String> hosts = rng.nextDouble() < 0.3 ? List.of(Catalog.SHOP_LOGIN, Catalog.SHOP_API) : List.of(Catalog.SHOP_LOGIN);
        return client(ipv4(asn), DemoPopulation.CREDENTIAL_STUFFER, agents, Math.min(uas, rng.nextInt(2, 5)), asn,
                TcpStack.observe(os, false, rng), profile, hosts, false,
                rng.nextDouble() < 0.6 ? "CAMP-CRED-01" : "CAMP-CRED-02", rng.nextInt(0, 7), os);
    }

    private DemoClient fuzzer() {
        Asn asn = rng.nextDouble() < 0.7 ? pick(Catalog.HOSTING_ASNS) : pick(Catalog.DATACENTER_ASNS);
        Agent agent = pick(Catalog.FUZZER_AGENTS);
        Profile profile = new Profile.Builder()
                .hits(50, 180).hours(1, 3)
                .posts(vary(0.05, 0.03), false).assets(0).probes(vary(0.85, 0.1)).browse(Browse.VISIT)
                .pacing(vary(0.25, 0.15), true).newConnection(vary(0.6, 0.3))
                .directAccess(1).modernBrowser(vary(0.05, 0.05)).headerCount(vary(4.5, 1.5))
                .ipIdZero(ipIdZero(Os.LINUX, true)).headerOrder(vary(0.92, 0.07)).consistency(0)
                .threats(List.of(HIGH, CRITICAL), 0.5, 0.5)
                .build();
        String main = rng.nextBoolean() ? Catalog.SHOP : Catalog.TRAVEL;
        List<String> hosts = rng.nextDouble() < 0.3 ? List.of(main, Catalog.SHOP_API) : List.of(main);
        return client(ipv4(asn), DemoPopulation.FUZZER, List.of(agent), 1, asn, TcpStack.observe(Os.LINUX, false, rng),
                profile, hosts, false, "", rng.nextInt(0, 5), Os.LINUX);
    }

    private DemoClient spoofer() {
        Asn asn = rng.nextBoolean() ? pick(Catalog.DATACENTER_ASNS) : pick(Catalog.HOSTING_ASNS);
        Agent agent = pick(Catalog.SPOOFED_BROWSERS);
        Profile profile = new Profile.Builder()
                .hits(15, 60).hours(2, 8)
                .posts(vary(0.02, 0.02), false).assets(vary(0.05, 0.05)).probes(vary(0.01, 0.01))
                .browse(Browse.CATALOGUE).pacing(vary(5, 3), rng.nextDouble() < 0.7).newConnection(vary(0.75, 0.25))
                .directAccess(vary(0.8, 0.15)).modernBrowser(vary(0.7, 0.1)).headerCount(vary(10.5, 1.5))
                .ipIdZero(ipIdZero(Os.LINUX, true)).headerOrder(vary(0.22, 0.12)).uaChMismatch(vary(0.85, 0.15))
                .consistency(rng.nextInt(0, 3))
                .threats(List.of(MEDIUM, HIGH), 0.55, 0.45)
                .build();
        String main = rng.nextBoolean() ? Catalog.SHOP : Catalog.TRAVEL;
        List<String> hosts = main.equals(Catalog.SHOP) && rng.nextBoolean() ? List.of(main, Catalog.SHOP_API) : List.of(main);
        return client(ipv4(asn), DemoPopulation.JA4_SPOOFER, List.of(agent), 1, asn, TcpStack.observe(Os.LINUX, false, rng),
                profile, hosts, false, "", rng.nextInt(0, 14), Os.LINUX);
    }

    private DemoClient client(ClientIp ip, DemoPopulation population, List<Agent> agents, int agentsPerHour, Asn asn,
                              TcpStack stack, Profile profile, List<String> hosts, boolean daytime, String campaign,
                              int daysBack, Os os) {
        int[] hours = activeHours(rng.nextInt(profile.minHours(), profile.maxHours() + 1), daytime);
        int firstPort = switch (os) {
            case WINDOWS, MACOS, IOS -> 49152;
            case LINUX, ANDROID -> 32768;
            case MASSCAN -> rng.nextInt(40000, 60000);
        };
        int portCount = switch (os) {
            case WINDOWS, MACOS, IOS -> 16384;
            case LINUX, ANDROID -> 28232;
            // Masscan sends every probe from one source port so that it can match the replies statelessly
            case MASSCAN -> 1;
        };
        return new DemoClient(ip, population, List.copyOf(agents), agentsPerHour, asn, stack, profile,
                List.copyOf(hosts), hours, campaign, daysBack, firstPort, portCount);
    }

    /** Distinct hour indices, weighted towards daytime for people, ascending. */
    private int[] activeHours(int count, boolean daytime) {
        int n = hourOfDay.length;
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            int h = hourOfDay[i];
            weight[i] = !daytime ? 1 : h < 6 ? 0.15 : h >= 7 && h <= 21 ? 1 : 0.5;
        }
        int k = Math.min(count, n);
        int[] chosen = new int[k];
        for (int c = 0; c < k; c++) {
            double total = 0;
            for (double w : weight) total += w;
            double r = rng.nextDouble() * total;
            int i = 0;
            while (i < n - 1 && (r -= weight[i]) >= 0) i++;
            while (weight[i] == 0) i = (i + 1) % n;
            chosen[c] = i;
            weight[i] = 0;
        }
        Arrays.sort(chosen);
        return chosen;
    }

    private ClientIp ipv4(Asn asn) {
        for (int attempt = 0; ; attempt++) {
            String prefix = pick(asn.v4Prefixes());
            boolean slash24 = prefix.chars().filter(ch -> ch == '.').count() == 2;
            // at a large scale the announced /24s fill up (254 addresses each): then the ASN's /16 around them
            if (slash24 && attempt >= FULL_AFTER) {
                prefix = prefix.substring(0, prefix.lastIndexOf('.'));
                slash24 = false;
            }
            String text = prefix + (slash24 ? "" : "." + rng.nextInt(0, 256)) + "." + rng.nextInt(1, 255);
            if (usedIps.add(text)) return ClientIp.parse(text).orElseThrow();
        }
    }

    /** Draws that found only used addresses before a /24 counts as full. */
    private static final int FULL_AFTER = 2_000;

    /** A privacy (temporary) address inside the ISP's prefix, in RFC 5952 text. */
    private ClientIp ipv6(Asn asn) {
        while (true) {
            StringBuilder sb = new StringBuilder(asn.v6Prefix());
            int groups = asn.v6Prefix().split(":").length;
            for (int g = groups; g < 8; g++) sb.append(':').append(Integer.toHexString(rng.nextInt(0, 0x10000)));
            ClientIp ip = ClientIp.parse(sb.toString()).orElseThrow();
            if (usedIps.add(ip.v6Text())) return ip;
        }
    }

    private double ipIdZero(Os os, boolean server) {
        // Linux sets IP ID 0 on DF packets of connected sockets; Windows and Apple stacks count up
        if (os == Os.LINUX || os == Os.ANDROID) return server ? vary(0.8, 0.15) : vary(0.3, 0.15);
        return vary(0.02, 0.02);
    }

    /** A value around {@code mean}, at most {@code spread} away, never negative. */
    private double vary(double mean, double spread) {
        return Math.max(0, mean + (rng.nextDouble() * 2 - 1) * spread);
    }

    private <T> T pick(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private Catalog.BrowserBuild weighted(List<Catalog.BrowserBuild> builds) {
        int total = builds.stream().mapToInt(Catalog.BrowserBuild::weight).sum();
        int r = rng.nextInt(total);
        for (Catalog.BrowserBuild b : builds) {
            if ((r -= b.weight()) < 0) return b;
        }
        return builds.get(builds.size() - 1);
    }
}
