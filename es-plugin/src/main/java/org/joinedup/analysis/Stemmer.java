package org.joinedup.analysis;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * The {@code stemmer} token filter for the English stemmers Elasticsearch names: {@code english}
 * and {@code porter} (Porter), {@code light_english} (KStem), {@code minimal_english},
 * {@code possessive_english}. Other languages are refused at index creation rather than silently
 * left unstemmed.
 */
@NamedComponent("stemmer")
public class Stemmer implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "english")
        String language();
    }

    private static final List<String> LANGUAGES = List.of("english", "porter", "light_english", "minimal_english", "possessive_english");

    private final String language;

    @Inject
    public Stemmer(Settings settings) {
        this.language = settings.language().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("stemmer language [" + language
                    + "] is not provided by the joinedup-analysis plugin (English stemmers only: " + LANGUAGES + ")");
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return switch (language) {
            case "english", "porter" -> new PorterStemFilter(input);
            case "light_english" -> new KStemFilter(input);
            case "minimal_english" -> new EnglishMinimalStemFilter(input);
            default -> new EnglishPossessiveFilter(input);
        };
    }
}
