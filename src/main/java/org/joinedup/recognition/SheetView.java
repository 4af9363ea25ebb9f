package org.joinedup.recognition;

import java.util.Map;

/** One judge's scores for one nominee, by criterion code. */
public record SheetView(long judgeAccountId, long leaderId, Map<String, Integer> scores) {
}
