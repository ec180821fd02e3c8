package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunSpecTest {

	private static final String BNDRUN = """
			# a comment
			-runproperties: \\
				gosh.args=--noshutdown,\\
				quoted='a,b;c',\\
				empty=
			-runbundles: \\
				org.apache.aries.spifly.dynamic.bundle;version='[1.3.7,1.3.8)';startlevel=1,\\
				demo.shop;version='[1.0.0,1.0.1)';startlevel=2,\\
				unleveled;version="[1,2)"
			""";

	@Test
	void startLevelsComeFromTheResolvedRunBundles() throws IOException {
		RunSpec spec = read(BNDRUN);
		assertEquals(1, spec.startLevel("org.apache.aries.spifly.dynamic.bundle"));
		assertEquals(2, spec.startLevel("demo.shop"));
		assertEquals(2, spec.highestStartLevel());
	}

	@Test
	void aBundleWithoutStartLevelStartsAtOneAndAnUnknownBundleLast() throws IOException {
		RunSpec spec = read(BNDRUN);
		assertEquals(1, spec.startLevel("unleveled"));
		assertEquals(2, spec.startLevel("not.in.the.bndrun"));
	}

	@Test
	void runPropertiesAreReadWithQuotesRemovedAndSeparatorsInsideQuotesKept() throws IOException {
		assertEquals(Map.of("gosh.args", "--noshutdown", "quoted", "a,b;c", "empty", ""), read(BNDRUN).properties());
	}

	private static RunSpec read(String bndrun) throws IOException {
		return RunSpec.read(new ByteArrayInputStream(bndrun.getBytes(UTF_8)));
	}
}
