package com.ja4.workstation.service.diagnostics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A time the JavaFX thread did not answer for at least the report threshold (50 ms): the
 * window could not repaint or take input.
 *
 * <p>On a loaded machine the thread also "stalls" when the OS gives it no CPU or when the GC stops
 * every thread; the user sees that too, but the application cannot fix it. {@link #busyMillis()}
 * tells the two apart: the CPU time the thread itself and the render thread used during the stall,
 * plus the sampled time it waited inside work (on a lock or a future), which a slow machine does not
 * make up.
 *
 * @param context what the window was doing (the view in front, or "start-up")
 * @param millis wall-clock length
 * @param fxCpuMillis CPU time of the JavaFX thread during the stall
 * @param rendererCpuMillis CPU time of JavaFX's render thread during the stall (painting frames)
 * @param gcMillis time the collectors reported during the stall (pauses included)
 * @param samples the thread's stacks, taken every few milliseconds while it lasted
 */
public record Stall(String context, Instant at, long millis, long fxCpuMillis, long rendererCpuMillis, long gcMillis,
                    List<StallSample> samples) {

    /** Time the stall is the application's doing: the JavaFX and render threads' CPU time plus the sampled waiting inside work. */
    public long busyMillis() {
        long waiting = samples.stream().filter(StallSample::isWaitingInWork).mapToLong(StallSample::weightMillis).sum();
        return Math.min(millis, fxCpuMillis + rendererCpuMillis + waiting);
    }

    /** Longer than {@code limitMillis} in wall time and in the application's own time (not starvation or GC). */
    public boolean exceeds(long limitMillis) {
        return millis > limitMillis && busyMillis() > limitMillis;
    }

    /** Where the thread was most often seen working (class.method:line), or why it was not. */
    public String where() {
        return hottest().map(StallSample::where)
                .orElse(samples.isEmpty() ? "(not sampled)" : "the event loop (the thread was waiting for CPU, not working)");
    }

    /** The stack of the most frequent working place, for the log. */
    public String stackText(int depth) {
        return hottest().map(s -> s.stackText(depth)).orElse("");
    }

    private java.util.Optional<StallSample> hottest() {
        List<StallSample> work = samples.stream().filter(StallSample::isWork).toList();
        if (work.isEmpty()) return java.util.Optional.empty();
        Map<String, Long> weight = work.stream().collect(Collectors.groupingBy(StallSample::where, Collectors.summingLong(s -> Math.max(1, s.weightMillis()))));
        String top = weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return work.stream().filter(s -> s.where().equals(top)).findFirst();
    }

    /** One line: context, length, how much was the application's, where (the places sampled most, with their time). */
    public String summary() {
        return String.format("%s: %d ms (busy %d ms: FX thread CPU %d ms, renderer CPU %d ms; GC %d ms; %d samples) at %s",
                context, millis, busyMillis(), fxCpuMillis, rendererCpuMillis, gcMillis, samples.size(), breakdown(4));
    }

    /** The {@code n} places seen most, each with the sampled time it stands for ("A 300 ms, B 120 ms"). */
    public String breakdown(int n) {
        if (samples.isEmpty()) return where();
        Map<String, Long> weight = samples.stream().collect(Collectors.groupingBy(
                s -> s.isWork() ? s.where() : "(event loop)", Collectors.summingLong(StallSample::weightMillis)));
        return weight.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
    }

    /** The worst stall (by busy time) per context. */
    public static Map<String, Stall> worstPerContext(List<Stall> stalls) {
        return stalls.stream().collect(Collectors.toMap(Stall::context, Function.identity(),
                (a, b) -> Comparator.comparingLong(Stall::busyMillis).thenComparingLong(Stall::millis).compare(a, b) >= 0 ? a : b,
                java.util.LinkedHashMap::new));
    }
}
