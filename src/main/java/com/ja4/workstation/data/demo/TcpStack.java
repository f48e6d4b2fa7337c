package com.ja4.workstation.data.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The SYN of a client as the sensor records it: TTL after the network hops, window, window
 * scale and MSS. A demo client draws the window, scale, MSS and initial TTL of a SYN that a real
 * client claiming the same OS sent ({@code real-syn-tuples.csv}: public captures, labelled by the
 * User-Agent of the same host; see src/test/resources/.../real-syns/README.md), so the demo shows
 * the variety of a real day, stacks the signatures do not know and Windows browsers behind Linux
 * proxies included. Only the hop count is the demo's own.
 */
record TcpStack(int ttl, int window, int scale, int mss) {

    enum Os { WINDOWS, LINUX, ANDROID, MACOS, IOS, MASSCAN }

    /** Which real clients a demo OS draws from: the label the public captures carry. */
    private enum Family { WINDOWS, LINUX, ANDROID, MACOS_IOS }

    private static final String POOL = "real-syn-tuples.csv";
    private static final Map<Family, List<TcpStack>> REAL = load();
    /** Mobile carriers tunnel their subscribers and clamp the MSS below Ethernet's 1460. */
    private static final int[] CARRIER_MSS = {1400, 1380, 1360, 1420};

    /**
     * @param mobile true behind a mobile carrier, whose tunnels clamp the MSS below Ethernet's 1460
     */
    static TcpStack observe(Os os, boolean mobile, SplittableRandom rng) {
        if (os == Os.MASSCAN) {
            // Masscan writes its own SYN: initial TTL 255, a 1024-byte window and no TCP options at all
            return new TcpStack(255 - hops(rng, 5, 15), 1024, 0, 0);
        }
        List<TcpStack> real = REAL.get(family(os));
        TcpStack sent = real.get(rng.nextInt(real.size()));
        int ttl = initialTtl(sent.ttl()) - hops(rng, 8, 22);
        int mss = mobile && sent.mss() > 1420 ? CARRIER_MSS[rng.nextInt(CARRIER_MSS.length)] : sent.mss();
        return new TcpStack(Math.max(1, ttl), sent.window(), sent.scale(), mss);
    }

    /** The (window, scale) pairs real clients of this OS sent, for tests that check the demo draws from them. */
    static List<TcpStack> realStacks(Os os) {
        return REAL.get(family(os));
    }

    private static Family family(Os os) {
        return switch (os) {
            case WINDOWS -> Family.WINDOWS;
            case LINUX -> Family.LINUX;
            case ANDROID -> Family.ANDROID;
            case MACOS, IOS -> Family.MACOS_IOS;
            case MASSCAN -> throw new IllegalArgumentException("Masscan builds its own SYN");
        };
    }

    /** The TTL the sender started from: the capture may be some hops from it. */
    static int initialTtl(int observed) {
        for (int start : new int[] {32, 64, 128}) {
            if (observed <= start) return start;
        }
        return 255;
    }

    private static Map<Family, List<TcpStack>> load() {
        Map<Family, List<TcpStack>> pool = new EnumMap<>(Family.class);
        for (Family f : Family.values()) pool.put(f, new ArrayList<>());
        try (InputStream in = TcpStack.class.getResourceAsStream(POOL)) {
            if (in == null) throw new IllegalStateException("missing resource " + POOL);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: ttl,win,scale,mss,family,source
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                pool.get(Family.valueOf(f[4])).add(new TcpStack(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool.replaceAll((k, v) -> List.copyOf(v));
        return pool;
    }

    private static int hops(SplittableRandom rng, int min, int max) {
        return rng.nextInt(min, max + 1);
    }
}
