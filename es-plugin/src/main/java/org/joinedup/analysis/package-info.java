/**
 * Stable-plugin analysis components under the names Elasticsearch's own analysis-common module uses
 * ({@code english}, {@code stemmer}, {@code porter_stem}, {@code kstem}, {@code asciifolding},
 * {@code synonym_graph}, {@code synonym}), so that index-mappings/leaders.json works unchanged on the
 * integration-test distribution (which lacks that module) and on a full Elasticsearch (which has
 * it, and must not get this plugin). See docs/stemming.md.
 */
package org.joinedup.analysis;
