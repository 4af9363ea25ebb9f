package org.joinedup.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The {@code synonym} token filter, for the index side: {@link SynonymGraph}'s rules and settings,
 * matched by Lucene's {@code SynonymFilter}, as Elasticsearch's own {@code synonym} filter does. It
 * writes no graph (an index stores one position per token). For rules like ours, whose outputs are
 * one token or the phrase itself, it gives the same tokens as {@code SynonymGraphFilter} followed by
 * {@code FlattenGraphFilter}, in 42% less analysis time (docs/benchmarks.md, "Reindex and
 * write-to-searchable with concept tokens").
 */
@NamedComponent("synonym")
public class Synonym implements TokenFilterFactory {

    private final SynonymMap map;

    @Inject
    public Synonym(SynonymGraph.Settings settings) {
        this.map = SynonymGraph.parse(settings.synonyms(), settings.expand(), settings.lenient());
    }

    @Override
    @SuppressWarnings("deprecation") // Lucene keeps it for index-time use; Elasticsearch's synonym filter is built on it
    public TokenStream create(TokenStream input) {
        return map.fst == null ? input : new SynonymFilter(input, map, false);
    }
}
