package com.ja4.workstation.service.export;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet would run as a formula are written as text (OWASP's CSV injection advice). */
class CsvCellsTest {

    @Test
    void formulaTriggersGetALeadingApostrophe() {
        for (String cell : List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1",
                "\r=1+1", "=", "-", "+", "-A1", "--1", "-1-1", "- 1")) {
            assertEquals("'" + cell, CsvCells.safe(cell), cell);
        }
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyAre() {
        for (String cell : List.of("", "GET", "Mozilla/5.0 (X11)", "t13d1516h2_8daaf6152771_e5627efa2ab1", " =1 (leading space)",
                "a=b", "-12", "-0.5", "+3", "-1e-3", "1.5E+10", ".5", "-.5")) {
            assertEquals(cell, CsvCells.safe(cell), cell);
        }
        assertEquals(-0.97, CsvCells.safe((Object) (-0.97)), "a typed number is written as a number");
        assertEquals(-5L, CsvCells.safe((Object) (-5L)));
        assertNull(CsvCells.safe((Object) null));
    }
}
