package com.ja4.workstation.domain;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Text from a file or a server as the analyst may see it: bounded, nothing invisible, nothing reordered. */
class DisplayTextTest {

    @Test
    void plainShortTextIsShownAsItIs() {
        assertEquals("GET /login?x=1 — 200 ✓", DisplayText.cell("GET /login?x=1 — 200 ✓"));
        assertEquals("😀🔥 emoji", DisplayText.cell("😀🔥 emoji"), "emoji are visible characters");
        assertEquals("", DisplayText.cell(null));
    }

    @Test
    void rightToLeftOverrideCannotDisguiseAFileName() {
        String shown = DisplayText.cell("evil\u202Etxt.exe");
        assertEquals("evil⟦U+202E⟧txt.exe", shown);
        assertFalse(shown.contains("\u202E"));
    }

    @Test
    void everyBidiControlAndInvisibleFormatCharacterIsMadeVisible() {
        int[] controls = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
                0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x061C, 0xE0041, 0x0000, 0x0009, 0x000A, 0x000D, 0x001B, 0x007F,
                0x2028, 0x2029, 0x3164, 0x115F};
        for (int cp : controls) {
            String raw = "a" + new String(Character.toChars(cp)) + "b";
            String shown = DisplayText.cell(raw);
            assertEquals("a⟦U+" + String.format("%04X", cp) + "⟧b", shown, "U+" + Integer.toHexString(cp));
            shown.codePoints().forEach(c -> assertFalse(Character.getType(c) == Character.FORMAT || Character.isISOControl(c),
                    "left in: U+" + Integer.toHexString(c)));
        }
    }

    @Test
    void aLoneSurrogateIsMarkedNotPassedToTheTextShaper() {
        assertEquals("x⟦U+D800⟧y", DisplayText.cell("x\uD800y"));
    }

    @Test
    void longTextIsCutWithAnEllipsisAtTheLimit() {
        String raw = "A".repeat(50_000) + "\u202E" + "B".repeat(50_000);
        String shown = DisplayText.cell(raw);
        assertEquals(DisplayText.CELL, shown.length());
        assertTrue(shown.endsWith("…"));
        assertEquals("A".repeat(DisplayText.CELL - 1), shown.substring(0, DisplayText.CELL - 1));
        assertEquals(raw.length(), 100_001, "the raw value is untouched");
        assertEquals("abc", DisplayText.of("abc", 3), "exactly at the limit: no ellipsis");
        assertEquals("ab…", DisplayText.of("abcd", 3));
        assertEquals("a…", DisplayText.of("a\u202Eb", 3), "a marker that does not fit is cut, never split");
    }

    /**
     * Not a benchmark: a safety net against work that grows with the input. The shown text is
     * built from the first characters only, so 1,000 calls on 100 KB values take milliseconds; a
     * pass that re-scanned or copied the whole value per character would take minutes.
     */
    @Test
    void aHundredKilobyteHostileValueIsCutWithoutReadingItAll() {
        String raw = "\u202E".repeat(100_000);
        long t0 = System.nanoTime();
        for (int i = 0; i < 1_000; i++) assertTrue(DisplayText.of(raw, DisplayText.TOOLTIP).length() <= DisplayText.TOOLTIP);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "1,000 calls took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
