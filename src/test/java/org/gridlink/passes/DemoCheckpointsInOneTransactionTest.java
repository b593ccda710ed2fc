package org.gridlink.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;

/**
 * The demo checkpoints and their duty shifts are written in one transaction: a first start stopped during that load
 * leaves no checkpoint (which would mark the demo as loaded) without its shifts, and the next start loads them all.
 */
class DemoCheckpointsInOneTransactionTest {

	@Test
	void theLoadIsOneTransaction() throws NoSuchMethodException {
		Method run = DemoCheckpointsLoader.class.getMethod("run", ApplicationArguments.class);
		assertThat(new AnnotationTransactionAttributeSource().getTransactionAttribute(run, DemoCheckpointsLoader.class))
			.isNotNull();
	}
}
