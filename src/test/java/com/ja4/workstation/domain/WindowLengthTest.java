package com.ja4.workstation.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowLengthTest {

    private static Duration valid(String text) {
        WindowLength w = WindowLength.parse(text);
        assertTrue(w.isValid(), text + " should be accepted, got: " + w.problem());
        assertEquals("", w.problem());
        return w.length().orElseThrow();
    }

    private static String problem(String text) {
        WindowLength w = WindowLength.parse(text);
        assertFalse(w.isValid(), text + " should be refused, got " + w.length());
        assertFalse(w.problem().isBlank());
        return w.problem();
    }

    @Test
    void readsANumberAndAUnitWithOrWithoutSpaceInAnyCase() {
        assertEquals(Duration.ofMinutes(90), valid("90m"));
        assertEquals(Duration.ofHours(12), valid("12h"));
        assertEquals(Duration.ofDays(2), valid("2d"));
        assertEquals(Duration.ofDays(14), valid("2w"));
        assertEquals(Duration.ofHours(36), valid("36 h"));
        assertEquals(Duration.ofHours(36), valid("  36H  "));
        assertEquals(Duration.ofDays(14), valid("2 W"));
        assertEquals(Duration.ofMinutes(90), valid("90 min"));
        assertEquals(Duration.ofMinutes(45), valid("45 minutes"));
        assertEquals(Duration.ofHours(3), valid("3 hours"));
        assertEquals(Duration.ofDays(1), valid("1 day"));
        assertEquals(Duration.ofDays(21), valid("3 weeks"));
        assertEquals(Duration.ofHours(12), valid("012h"));
    }

    @Test
    void addsSeveralTerms() {
        assertEquals(Duration.ofMinutes(90), valid("1h30m"));
        assertEquals(Duration.ofMinutes(90), valid("1 h 30 min"));
        assertEquals(Duration.ofHours(60), valid("2d 12h"));
    }

    @Test
    void boundsAreFiveMinutesToAYearInclusive() {
        assertEquals(WindowLength.MIN, valid("5m"));
        assertEquals(WindowLength.MAX, valid("365d"));
        assertEquals(WindowLength.MAX, valid("8760h"));
        assertEquals(Duration.ofMinutes(525_600), valid("525600m"));
        assertTrue(problem("4m").contains("at least 5 minutes"), problem("4m"));
        assertTrue(problem("366d").contains("at most 365 days"), problem("366d"));
        assertTrue(problem("53w").contains("at most 365 days"), problem("53w"));
        assertTrue(problem("364d 2d").contains("at most 365 days"));
        assertTrue(problem("8761h").contains("at most 365 days"));
    }

    @Test
    void eachBadEntryGetsItsOwnMessage() {
        String abc = problem("abc");
        assertTrue(abc.contains("\"abc\" is not a window length"), abc);
        assertTrue(abc.contains("12h"), "says how to write one: " + abc);

        String zero = problem("0h");
        assertTrue(zero.contains("\"0h\" is too short") && zero.contains("at least 5 minutes"), zero);

        String tooLong = problem("400d");
        assertTrue(tooLong.contains("\"400d\" is too long") && tooLong.contains("at most 365 days"), tooLong);

        String negative = problem("-3h");
        assertTrue(negative.contains("\"-3h\" is negative"), negative);

        assertTrue(problem("12").contains("\"12\" has no unit"), problem("12"));
        assertTrue(problem("1.5h").contains("not a whole number"), problem("1.5h"));
        assertTrue(problem("1,5 h").contains("not a whole number"));
        assertTrue(problem("30s").contains("unknown unit \"s\"") && problem("30s").contains("whole minutes"), problem("30s"));
        assertTrue(problem("2mo").contains("unknown unit \"mo\"") && problem("2mo").contains("30d"), problem("2mo"));
        assertTrue(problem("1y").contains("unknown unit \"y\""), problem("1y"));
        assertTrue(problem("h12").contains("not a window length"));
        assertTrue(problem("12h x").contains("not a window length"));
        assertTrue(problem("").startsWith("Type a window length"));
        assertTrue(problem(null).startsWith("Type a window length"));
    }

    @Test
    void hugeNumbersAreTooLongNotAnOverflow() {
        assertTrue(problem("99999999999999999999999h").contains("at most 365 days"));
        assertTrue(problem("9223372036854775807m").contains("at most 365 days"));
        assertTrue(problem("999999999w").contains("at most 365 days"));
    }

    @Test
    void labelsReadNicelyAndParseBack() {
        assertEquals("24 h", WindowPreset.labelOf(Duration.ofHours(24)));
        assertEquals("7 d", WindowPreset.labelOf(Duration.ofDays(7)));
        assertEquals("12 h", WindowPreset.labelOf(Duration.ofHours(12)));
        assertEquals("36 h", WindowPreset.labelOf(Duration.ofHours(36)));
        assertEquals("2 d", WindowPreset.labelOf(Duration.ofHours(48)));
        assertEquals("14 d", WindowPreset.labelOf(Duration.ofDays(14)));
        assertEquals("365 d", WindowPreset.labelOf(Duration.ofDays(365)));
        assertEquals("5 min", WindowPreset.labelOf(Duration.ofMinutes(5)));
        assertEquals("90 min", WindowPreset.labelOf(Duration.ofMinutes(90)));
        assertEquals("25 h 30 min", WindowPreset.labelOf(Duration.ofMinutes(25 * 60 + 30)));
        assertEquals("90 min 15 s", WindowPreset.labelOf(Duration.ofSeconds(90 * 60 + 15)));
        for (Duration d : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(90), Duration.ofMinutes(179), Duration.ofMinutes(181),
                Duration.ofHours(12), Duration.ofHours(36), Duration.ofDays(14), Duration.ofMinutes(25 * 60 + 30), WindowLength.MAX}) {
            assertEquals(d, valid(WindowPreset.labelOf(d)), "label of " + d + " parses back");
        }
        for (WindowPreset p : WindowPreset.values()) assertEquals(p.length(), valid(p.label()), p.label());
        assertEquals(WindowPreset.H6, WindowPreset.of(Duration.ofHours(6)).orElseThrow());
        assertTrue(WindowPreset.of(Duration.ofHours(12)).isEmpty());
    }
}
