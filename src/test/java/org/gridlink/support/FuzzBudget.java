package org.gridlink.support;

import java.time.Duration;
import java.util.List;

import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;

/**
 * The time limit of a fuzzing property ({@code @AddLifecycleHook(FuzzBudget.class)}): a property stops trying (as
 * satisfied) once it has run for {@link #PER_PROPERTY}, so the fuzzers stay a bounded part of the suite whatever
 * the machine. Each try itself is bounded by the test's {@code assertTimeoutPreemptively} (a hang fails).
 */
public class FuzzBudget implements AroundTryHook {

	public static final Duration PER_PROPERTY = Duration.ofSeconds(4);

	@Override
	public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor executor, List<Object> parameters) {
		Store<Long> started = Store.getOrCreate(Tuple.of(FuzzBudget.class, "started"), Lifespan.PROPERTY,
				System::nanoTime);
		long start = started.get();
		TryExecutionResult result = executor.execute(parameters);
		if (result.isSatisfied() && System.nanoTime() - start > PER_PROPERTY.toNanos()) {
			return TryExecutionResult.satisfied(true);
		}
		return result;
	}
}
