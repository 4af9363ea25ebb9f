package org.joinedup.importing;

import java.util.List;
import org.joinedup.integration.RecordInput;
import org.joinedup.leader.LeaderInput;

/** A file read and checked: the leaders and records it would write, in file order, and every problem found. */
record ImportPlan(String fileName, int rows, List<PlannedLeader> leaders, List<ImportProblem> problems, int problemCount) {

    record PlannedLeader(String externalId, int row, LeaderInput input, List<PlannedRecord> records) {
        boolean hasEmail() {
            return input.contact() != null && input.contact().email() != null && !input.contact().email().isBlank();
        }
    }

    record PlannedRecord(String externalId, int row, RecordInput input) {
    }

    boolean valid() {
        return problemCount == 0;
    }

    int records() {
        return leaders.stream().mapToInt(l -> l.records().size()).sum();
    }
}
