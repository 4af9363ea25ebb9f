package org.joinedup.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * The {@code synonym_graph} token filter with inline rules in Solr format ("a, b, c" or
 * "a => b"), multi-word rules included. Unlike Elasticsearch's own, which reads its rules through
 * the analyzer chain before it, the rules here are read with the standard tokenizer, lowercase and
 * ASCII folding: put this filter right after those (docs/stemming.md). No synonym files or sets.
 */
@NamedComponent("synonym_graph")
public class SynonymGraph implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "synonyms")
        List<String> synonyms();

        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();

        @BooleanSetting(path = "lenient", defaultValue = false)
        boolean lenient();
    }

    private final SynonymMap map;

    @Inject
    public SynonymGraph(Settings settings) {
        this.map = parse(settings.synonyms(), settings.expand(), settings.lenient());
    }

    @Override
    public TokenStream create(TokenStream input) {
        // no rules, no FST: Lucene's filter refuses an empty map
        return map.fst == null ? input : new SynonymGraphFilter(input, map, false);
    }

    static SynonymMap parse(List<String> rules, boolean expand, boolean lenient) {
        try (Analyzer ruleWords = ruleAnalyzer()) {
            var parser = new SolrSynonymParser(true, expand, ruleWords);
            if (rules != null) {
                for (var rule : rules) {
                    try {
                        parser.parse(new StringReader(rule));
                    } catch (java.text.ParseException | IllegalArgumentException e) {
                        if (!lenient) {
                            throw new IllegalArgumentException("failed to parse synonym rule [" + rule + "]: " + e.getMessage(), e);
                        }
                    }
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Analyzer ruleAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokens = new StandardTokenizer();
                return new TokenStreamComponents(tokens, new ASCIIFoldingFilter(new LowerCaseFilter(tokens)));
            }
        };
    }
}
