package com.ja4.workstation.data.detections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ja4.workstation.data.warehouse.Like;
import org.junit.jupiter.api.Test;

class LikeTest {
    @Test
    void wildcardsAndEscapeCharacterAreEscaped() {
        assertEquals("%a\\%b\\_c\\\\d%", Like.contains("a%b_c\\d"));
        assertEquals("%' OR 1=1 --%", Like.contains("' OR 1=1 --"));
    }
}
