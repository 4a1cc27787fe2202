package de.bochum.portal.platform.internal;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers every module's index can use. {@code german}: "Haltestellen" finds "Haltestelle",
 * "Straße" finds "Strasse"; {@code german_prefix}: type-ahead on the first letters of a word;
 * normalizer {@code sort}: case- and accent-insensitive sorting and facets.
 */
public class GermanAnalysis implements LuceneAnalysisConfigurer {

	public static final String GERMAN = "german";
	public static final String GERMAN_PREFIX = "german_prefix";
	public static final String SORT = "sort";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(GERMAN).custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("germanNormalization")
			.tokenFilter("germanLightStem")
			.tokenFilter("asciiFolding");
		context.analyzer(GERMAN_PREFIX).custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("germanNormalization")
			.tokenFilter("asciiFolding")
			.tokenFilter("edgeNGram").param("minGramSize", "2").param("maxGramSize", "20");
		context.normalizer(SORT).custom()
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding");
	}
}
