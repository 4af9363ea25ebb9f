package org.joinedup.drills;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid request bodies for drills, as a client would send them. */
final class Payloads {

    private Payloads() {
    }

    static Map<String, Object> leader(String name) {
        var leader = new HashMap<String, Object>();
        leader.put("name", name);
        leader.put("currentRole", "Head of integrated care");
        leader.put("organisation", "E10000024"); // Nottinghamshire County Council
        leader.put("homeArea", "E10000024");
        leader.put("visibility", "public");
        leader.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of("calls"), "trained", false));
        leader.put("contact", Map.of("email", "drill@example.org"));
        return leader;
    }

    static Map<String, Object> record(String title) {
        var record = new HashMap<String, Object>();
        record.put("title", title);
        record.put("summary", "Integrated neighbourhood teams, written by a drill.");
        record.put("areas", List.of(Map.of("code", "E10000024")));
        record.put("services", List.of("gp", "community-health", "social-care"));
        record.put("scope", "place");
        record.put("approaches", List.of("integrated-teams"));
        record.put("role", "led");
        record.put("periodStart", "2019-04-01");
        return record;
    }
}
