import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What the index-side synonym filter costs Lucene's analysis alone (no Elasticsearch, no HTTP): the
 * chain of the records' stemmed fields (text_en_synonyms in index-mappings/leaders.json) over the
 * same texts with SynonymGraphFilter + FlattenGraphFilter (the plugin's `synonym` until 2026-12-05),
 * with SynonymFilter (Elasticsearch's own `synonym`, the plugin's since), and with no synonym filter;
 * rounds alternate, medians in microseconds per text. docs/benchmarks.md, "Reindex and
 * write-to-searchable with concept tokens", says how to make the two input files.
 *
 * Usage: java -cp LUCENE_CORE_JAR:LUCENE_ANALYSIS_COMMON_JAR bench/synonym-cost/AnalysisCost.java RULES TEXTS [ROUNDS]
 */
public class AnalysisCost {

    public static void main(String[] args) throws Exception {
        var rules = Files.readAllLines(Path.of(args[0]));
        var texts = Files.readAllLines(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        var map = parse(rules);
        var chains = new LinkedHashMap<String, Analyzer>();
        chains.put("SynonymGraphFilter + FlattenGraphFilter", analyzer(in -> new FlattenGraphFilter(new SynonymGraphFilter(in, map, false))));
        @SuppressWarnings("deprecation")
        Function<TokenStream, TokenStream> plain = in -> new SynonymFilter(in, map, false);
        chains.put("SynonymFilter", analyzer(plain));
        chains.put("no synonym filter", analyzer(in -> in));
        var times = new LinkedHashMap<String, List<Double>>();
        var tokens = new LinkedHashMap<String, Long>();
        chains.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int round = 0; round < 3 + rounds; round++) {
            for (var chain : chains.entrySet()) {
                long started = System.nanoTime();
                long count = 0;
                for (var text : texts) {
                    count += analyse(chain.getValue(), text);
                }
                double microsPerText = (System.nanoTime() - started) / 1e3 / texts.size();
                if (round >= 3) {
                    times.get(chain.getKey()).add(microsPerText);
                }
                tokens.put(chain.getKey(), count);
            }
        }
        double none = median(times.get("no synonym filter"));
        System.out.printf("%d rules, %d texts, %d rounds taking turns%n", rules.size(), texts.size(), rounds);
        System.out.printf("%-42s %12s %10s %12s%n", "chain", "us per text", "vs none", "tokens");
        for (var name : chains.keySet()) {
            System.out.printf("%-42s %12.2f %9.2fx %,12d%n", name, median(times.get(name)), median(times.get(name)) / none, tokens.get(name));
        }
    }

    private static long analyse(Analyzer analyzer, String text) throws Exception {
        long count = 0;
        try (var stream = analyzer.tokenStream("f", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                count += term.length() > 0 ? 1 : 0;
            }
            stream.end();
        }
        return count;
    }

    private static Analyzer analyzer(Function<TokenStream, TokenStream> synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                var tokenizer = new StandardTokenizer();
                TokenStream stream = synonyms.apply(new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
                return new TokenStreamComponents(tokenizer, new PorterStemFilter(new EnglishPossessiveFilter(stream)));
            }
        };
    }

    /** The rules as the plugin reads them (es-plugin SynonymGraph.parse): standard tokenizer, lowercase, ASCII folding. */
    private static SynonymMap parse(List<String> rules) throws Exception {
        var parser = new SolrSynonymParser(true, true, new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                var tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        });
        for (var rule : rules) {
            parser.parse(new StringReader(rule));
        }
        return parser.build();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
