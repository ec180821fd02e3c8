/**
 * JMH benchmarks of the partyline inside an embedded Felix with the real bundles; {@link BenchMain} runs them all
 * and prints the ratios to the plain loop. Not a bundle, not shipped.
 */
package org.partyline.bench;
