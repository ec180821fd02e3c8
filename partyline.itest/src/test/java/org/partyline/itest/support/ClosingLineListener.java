package org.partyline.itest.support;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints {@code itest: N passed, N failed, N skipped} alone on a line when the test plan ends, the closing line CI
 * reads (the bnd tester prints no Surefire summary). A framework other than the main one names itself through the
 * framework property {@code partyline.itest.label}, e.g. {@code itest-without-http: 1 passed, 0 failed, 0 skipped}.
 */
final class ClosingLineListener implements TestExecutionListener {

	private final String label;
	private final AtomicLong passed = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicLong skipped = new AtomicLong();

	/** @param label what the line starts with: one word, so each framework the tests run in has its own line */
	ClosingLineListener(String label) {
		this.label = label;
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		passed.set(0);
		failed.set(0);
		skipped.set(0);
	}

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		if (test.isTest()) {
			skipped.incrementAndGet();
		}
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.FAILED && !test.isTest()) {
			failed.incrementAndGet(); // a failing container (setup, class) fails the run too
			return;
		}
		if (!test.isTest()) {
			return;
		}
		switch (result.getStatus()) {
			case SUCCESSFUL -> passed.incrementAndGet();
			case FAILED -> failed.incrementAndGet();
			case ABORTED -> skipped.incrementAndGet();
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		System.out.println();
		System.out.println(label + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
		System.out.flush();
	}
}
