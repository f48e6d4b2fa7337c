package com.ja4.workstation.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.domain.DisplayText;
import com.ja4.workstation.testing.HostileSnapshot;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/**
 * A bar's tooltip names its series and category and gives its count, however long the category:
 * the keys are cut to a cell's length before the tooltip is made (made for every bar at every
 * redraw, so a 100 KB key formatted whole held the JavaFX thread; and the count was cut off).
 */
class ChartTooltipTest {

    @Test
    void aBarsTooltipKeepsItsCountBesideA100KbCategory() {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(1234, "bots", HostileSnapshot.LONG);
        d.addValue(5, "humans", "DE");
        CategoryItemRenderer r = ((CategoryPlot) Charts.seriesBars(d, "Count", true, true, null).getPlot()).getRenderer();

        assertEquals("humans, DE: 5", r.getToolTipGenerator(1, 1).generateToolTip(d, 1, 1));
        String hostile = r.getToolTipGenerator(0, 0).generateToolTip(d, 0, 0);
        assertTrue(hostile.startsWith("bots, AAAA") && hostile.endsWith(DisplayText.ELLIPSIS + ": "
                + java.text.NumberFormat.getIntegerInstance().format(1234)), hostile);
        assertTrue(hostile.length() <= DisplayText.CELL + 20, "cut to a cell: " + hostile.length());
    }

    @Test
    void aLegendEntryOfA100KbSeriesLeavesRoomForTheOthers() {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(1234, HostileSnapshot.LONG, "DE");
        d.addValue(5, "humans", "DE");
        JFreeChart chart = Charts.seriesBars(d, "Count", true, true, null);
        org.jfree.chart.LegendItemCollection items = ((CategoryPlot) chart.getPlot()).getLegendItems();
        assertEquals("humans", items.get(1).getLabel());
        String hostile = items.get(0).getLabel();
        assertTrue(hostile.startsWith("AAAA") && hostile.endsWith(DisplayText.ELLIPSIS), hostile);
        assertTrue(hostile.length() <= SafeText.LEGEND + 1, "a legend entry is cut short: " + hostile.length());
    }

    @Test
    void aSingleSeriesBarsTooltipIsCategoryAndCount() {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(42, "Scored windows", "evil\u202Etxt.exe");
        JFreeChart chart = Charts.bars(d, "Scored windows", true, null);
        String tip = ((CategoryPlot) chart.getPlot()).getRenderer().getToolTipGenerator(0, 0).generateToolTip(d, 0, 0);
        assertEquals("evil⟦U+202E⟧txt.exe: 42", tip);
    }
}
