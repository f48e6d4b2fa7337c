package com.ja4.workstation.data.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Plans and simulates one client's windows over the day, hour by hour. */
final class ClientDay {

    private final DemoClient client;
    private final long[] hours;
    private final SplittableRandom rng;
    private int portCursor;

    ClientDay(DemoClient client, long[] hours, SplittableRandom rng) {
        this.client = client;
        this.hours = hours;
        this.rng = rng;
        this.portCursor = rng.nextInt(client.portCount());
    }

    List<Window> windows() {
        List<Window> out = new ArrayList<>();
        Profile p = client.profile();
        for (int hour : client.activeHours()) {
            Map<String, List<Agent>> byJa4 = agentsThisHour();
            Set<String> uas = new LinkedHashSet<>();
            byJa4.values().forEach(list -> list.forEach(a -> uas.add(a.userAgent())));
            for (String host : hostsThisHour()) {
                for (List<Agent> agents : byJa4.values()) {
                    int hits = rng.nextInt(p.minHits(), p.maxHits() + 1);
                    Traffic t = Traffic.simulate(client, hours[hour], host, agents, hits, this::nextPort, rng);
                    // the first request's UA is what agg_host_ip_ja4_1h keeps as first_ua
                    List<Agent> ordered = firstUaFirst(agents, t.userAgents()[0]);
                    BehaviourFeatures f = BehaviourFeatures.measure(client, ordered.get(0), t, byJa4.size(),
                            uas.size() > 1, rng);
                    ModelVerdict v = ModelVerdict.score(client, ordered.get(0), rng);
                    int latest = (int) (t.times()[t.hits() - 1] - hours[hour]);
                    int detectedOffset = rng.nextInt(latest, 3600);
                    out.add(new Window(hour, host, ordered, t, f, v, detectedOffset));
                }
            }
        }
        return out;
    }

    /** The agents used this hour, grouped by JA4 in catalogue order (a window is per JA4). */
    private Map<String, List<Agent>> agentsThisHour() {
        List<Agent> all = client.agents();
        List<Agent> used = new ArrayList<>(all);
        while (used.size() > client.agentsPerHour()) used.remove(rng.nextInt(used.size()));
        Map<String, List<Agent>> byJa4 = new LinkedHashMap<>();
        for (Agent a : used) byJa4.computeIfAbsent(a.ja4(), k -> new ArrayList<>()).add(a);
        return byJa4;
    }

    /** The main site every active hour; the others now and then. */
    private List<String> hostsThisHour() {
        List<String> hosts = new ArrayList<>();
        hosts.add(client.hosts().get(0));
        for (int i = 1; i < client.hosts().size(); i++) {
            if (rng.nextDouble() < 0.5) hosts.add(client.hosts().get(i));
        }
        return hosts;
    }

    private static List<Agent> firstUaFirst(List<Agent> agents, String firstUa) {
        if (agents.size() == 1 || agents.get(0).userAgent().equals(firstUa)) return agents;
        List<Agent> ordered = new ArrayList<>(agents);
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).userAgent().equals(firstUa)) {
                ordered.add(0, ordered.remove(i));
                break;
            }
        }
        return ordered;
    }

    /** Ephemeral ports climb with small steps, wrapping inside the OS's range. */
    private int nextPort() {
        portCursor = (portCursor + 1 + rng.nextInt(4)) % client.portCount();
        return client.firstPort() + portCursor;
    }
}
