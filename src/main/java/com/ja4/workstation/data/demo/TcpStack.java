package com.ja4.workstation.data.demo;

import java.util.SplittableRandom;

/**
 * The SYN of a client as the sensor records it: TTL after the network hops, window, window
 * scale and MSS. Values follow the operating systems' defaults (p0f signatures) so that the
 * workstation's TCP/OS fingerprinting has something true to find.
 */
record TcpStack(int ttl, int window, int scale, int mss) {

    enum Os { WINDOWS, LINUX, ANDROID, MACOS, IOS, MASSCAN }

    /**
     * @param mobile true behind a mobile carrier, whose tunnels clamp the MSS below Ethernet's 1460
     */
    static TcpStack observe(Os os, boolean mobile, SplittableRandom rng) {
        return switch (os) {
            case WINDOWS -> new TcpStack(128 - hops(rng, 8, 20), rng.nextDouble() < 0.7 ? 64240 : 65535, 8,
                    rng.nextDouble() < 0.75 ? 1460 : 1452);
            case LINUX -> new TcpStack(64 - hops(rng, 6, 18), pick(rng, 29200, 64240, 64240, 64240, 65535), 7,
                    rng.nextDouble() < 0.9 ? 1460 : 1440);
            case ANDROID -> new TcpStack(64 - hops(rng, 8, 22), pick(rng, 65535, 65535, 64240), 7,
                    mobile ? pick(rng, 1400, 1380, 1360, 1440) : 1460);
            case MACOS -> new TcpStack(64 - hops(rng, 8, 20), 65535, 6, rng.nextDouble() < 0.8 ? 1460 : 1452);
            case IOS -> new TcpStack(64 - hops(rng, 8, 22), 65535, 6,
                    mobile ? pick(rng, 1400, 1380, 1360) : rng.nextDouble() < 0.8 ? 1460 : 1452);
            // Masscan writes its own SYN: initial TTL 255, a 1024-byte window and no TCP options at all
            case MASSCAN -> new TcpStack(255 - hops(rng, 5, 15), 1024, 0, 0);
        };
    }

    private static int hops(SplittableRandom rng, int min, int max) {
        return rng.nextInt(min, max + 1);
    }

    private static int pick(SplittableRandom rng, int... values) {
        return values[rng.nextInt(values.length)];
    }
}
