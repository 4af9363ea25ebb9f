package org.joinedup.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.joinedup.places.NearestNeighbours;
import org.joinedup.search.index.LeaderDocument;
import org.joinedup.search.index.VocabularySynonyms;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;

/** The "why" of a hit in plain words: which filters it met and where its text matched. */
@ApplicationScoped
class SearchExplanation {

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    @Inject
    NearestNeighbours neighbours;

    /** Every hit meets every filter, so these reasons are the same for all hits of a search. */
    List<String> ofFilters(SearchCriteria c) {
        var reasons = new ArrayList<String>();
        var services = c.filter(Facet.SERVICE);
        if (!services.isEmpty()) {
            reasons.add((services.size() > 1 ? "joined up " : "included ") + labels(Facet.SERVICE, services, " and ") + " in one record");
        }
        if (c.filter(Facet.MENTORED).equals(List.of(LeaderDocument.TrackRecord.YES))) {
            reasons.add("has completed a mentorship as mentor");
        }
        if (c.filter(Facet.RECOGNISED).equals(List.of(LeaderDocument.TrackRecord.YES))) {
            reasons.add("recognised in a published nomination round");
        }
        for (var facet : Facet.values()) {
            if (facet.reason != null && !c.filter(facet).isEmpty()) {
                reasons.add(facet.reason + labels(facet, c.filter(facet), " or "));
            }
        }
        if (c.improvedOutcomes()) {
            reasons.add(c.filter(Facet.OUTCOME).isEmpty() ? "reported an outcome that improved"
                    : "improved " + labels(Facet.OUTCOME, c.filter(Facet.OUTCOME), " or "));
        } else if (!c.filter(Facet.OUTCOME).isEmpty()) {
            reasons.add("reported an outcome on " + labels(Facet.OUTCOME, c.filter(Facet.OUTCOME), " or "));
        }
        if (c.minVerification() != null) {
            reasons.add("record " + c.minVerification().code + (c.minVerification().ordinal() < 2 ? " or better" : ""));
        }
        if (c.withinKm() != null) {
            reasons.add("within " + Math.round(c.withinKm()) + " km of " + c.nearLabel());
        }
        if (c.mentoringAvailable()) {
            reasons.add("willing to mentor, with capacity left");
        }
        return reasons;
    }

    /**
     * For a search of places like a council: the places of the likeness the hit's matched records
     * covered, the closest first, at most three: "worked in Derbyshire, a place like Nottinghamshire
     * (both older and less deprived than the median council)", or "worked in Nottinghamshire itself".
     */
    List<String> ofLikeness(SearchCriteria c, Collection<String> recordAreaCodes) {
        var chosen = c.likeArea();
        if (chosen == null) {
            return List.of();
        }
        var reasons = new ArrayList<String>();
        for (var code : c.filter(Facet.LIKE_AREA)) {
            if (reasons.size() == 3) {
                break;
            }
            if (!recordAreaCodes.contains(code)) {
                continue;
            }
            var name = label(Facet.LIKE_AREA, code);
            reasons.add(code.equals(chosen) ? "worked in " + name + " itself" : "worked in " + name + ", " + neighbours.likeness(code, chosen));
        }
        return reasons;
    }

    /**
     * From the named queries a hit and its matched records matched (see {@link LeaderQuery}): without record filters the
     * words are matched in the records scored, which report them, not the hit.
     */
    List<String> ofText(SearchCriteria c, List<String> matchedQueries) {
        var reasons = new ArrayList<String>();
        if (!c.hasText()) {
            return reasons;
        }
        if (matchedQueries.contains(LeaderQuery.TEXT_PROFILE)) {
            reasons.add("'" + c.text() + "' in their profile");
        }
        if (matchedQueries.contains(LeaderQuery.TEXT_RECORDS) || matchedQueries.contains(LeaderQuery.RECORD_TEXT)) {
            reasons.add("'" + c.text() + "' in a record");
        } else if (matchedQueries.contains(LeaderQuery.TEXT_STEMMED) || matchedQueries.contains(LeaderQuery.RECORD_STEMMED)) {
            // only stemmed words or a vocabulary synonym matched: name the terms the words stand for, if any
            var terms = termsNamedIn(c.text());
            reasons.add(terms.isEmpty() ? "words like '" + c.text() + "' in a record"
                    : "a record on " + String.join(" or ", terms) + " (read from your words)");
        }
        return reasons;
    }

    /** The vocabulary items (of those the index has synonyms for) whose synonyms the text contains as words. */
    private List<String> termsNamedIn(String text) {
        var words = words(text);
        var labels = new ArrayList<String>();
        for (var kind : VocabularySynonyms.KINDS) {
            for (VocabularyItem item : vocabularies.get(kind).items()) {
                if (item.synonyms().stream().map(SearchExplanation::words)
                        .anyMatch(phrase -> !phrase.isEmpty() && Collections.indexOfSubList(words, phrase) >= 0)) {
                    labels.add(item.labelInSentence());
                }
            }
        }
        return labels;
    }

    /** Lowercase words, split as the standard tokenizer roughly would ("A&E" gives a, e). */
    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    String label(Facet facet, String code) {
        var kind = facet.vocabulary;
        if (kind != null) {
            return vocabularies.get(kind).find(code).map(VocabularyItem::label).orElse(code);
        }
        if (facet == Facet.VERIFICATION) {
            return code;
        }
        if (facet == Facet.MENTORED) {
            return LeaderDocument.TrackRecord.YES.equals(code) ? "Has mentored" : "Not mentored yet";
        }
        if (facet == Facet.RECOGNISED) {
            return LeaderDocument.TrackRecord.YES.equals(code) ? "Recognised" : "Not recognised";
        }
        if (Geography.isNational(code)) {
            return "England as a whole (national)";
        }
        return geography.find(code).map(Area::name).orElse(code);
    }

    /** As it reads inside a sentence: vocabulary labels lose a leading capital, place names keep theirs. */
    private String inSentence(Facet facet, String code) {
        var kind = facet.vocabulary;
        return kind == null ? label(facet, code) : vocabularies.get(kind).find(code).map(VocabularyItem::labelInSentence).orElse(code);
    }

    private String labels(Facet facet, List<String> codes, String joiner) {
        return String.join(joiner, codes.stream().map(code -> inSentence(facet, code)).toList());
    }
}
