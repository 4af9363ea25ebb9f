package org.joinedup.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Elasticsearch's {@code english} analyzer with its defaults: standard tokens, possessives, lowercase, English stop words, Porter stemming. */
@NamedComponent("english")
public class EnglishAnalyzer implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new org.apache.lucene.analysis.en.EnglishAnalyzer();
    }
}
