package de.bochum.portal.platform.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers every module's index can use. {@code german}: "Haltestellen" finds "Haltestelle",
 * "Straße" finds "Strasse"; {@code german_prefix}: type-ahead on the first letters of a word;
 * normalizer {@code sort}: case- and accent-insensitive sorting and facets.
 *
 * <p>Both backends get the same names and the same chain of filters, so a mapping and its queries do
 * not care whether the index is embedded Lucene or an OpenSearch/Elasticsearch cluster: the embedded
 * one builds them from Lucene factories, the cluster from its built-in filters of the same algorithm.
 */
public class GermanAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

	public static final String GERMAN = "german";
	public static final String GERMAN_PREFIX = "german_prefix";
	public static final String SORT = "sort";

	private static final int PREFIX_MIN = 2;
	private static final int PREFIX_MAX = 20;

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
			.tokenFilter("edgeNGram")
			.param("minGramSize", String.valueOf(PREFIX_MIN))
			.param("maxGramSize", String.valueOf(PREFIX_MAX));
		context.normalizer(SORT).custom()
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding");
	}

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		// Parameterised filters need a definition of their own; the names are prefixed so that they
		// never shadow a built-in filter of the cluster.
		context.tokenFilter("portal_german_light_stem").type("stemmer").param("language", "light_german");
		context.tokenFilter("portal_prefix").type("edge_ngram")
			.param("min_gram", PREFIX_MIN)
			.param("max_gram", PREFIX_MAX);
		context.analyzer(GERMAN).custom()
			.tokenizer("standard")
			.tokenFilters("lowercase", "german_normalization", "portal_german_light_stem", "asciifolding");
		context.analyzer(GERMAN_PREFIX).custom()
			.tokenizer("standard")
			.tokenFilters("lowercase", "german_normalization", "asciifolding", "portal_prefix");
		context.normalizer(SORT).custom()
			.tokenFilters("lowercase", "asciifolding");
	}
}
