package org.joinedup.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The {@code synonym} token filter, for the index side: {@link SynonymGraph}'s rules and matching,
 * its graph flattened (Lucene's {@code FlattenGraphFilter}), because an index stores one position
 * per token and no graph. Same settings and rule reading as {@code synonym_graph}.
 */
@NamedComponent("synonym")
public class Synonym implements TokenFilterFactory {

    private final SynonymMap map;

    @Inject
    public Synonym(SynonymGraph.Settings settings) {
        this.map = SynonymGraph.parse(settings.synonyms(), settings.expand(), settings.lenient());
    }

    @Override
    public TokenStream create(TokenStream input) {
        return map.fst == null ? input : new FlattenGraphFilter(new SynonymGraphFilter(input, map, false));
    }
}
