package org.gridlink.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * A bean that loads or serves demo data (a {@code Demo*} loader): registered only in demo mode, which is on unless
 * {@code GRIDLINK_DEMO=false} ({@code gridlink.demo.enabled}) or {@code GRIDLINK_DB_URL} is set (a real district's
 * database never gets demo rows). Production does not even create these beans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@ConditionalOnProperty(name = "gridlink.demo.enabled", havingValue = "true", matchIfMissing = true)
@Conditional(DemoData.NoProductionDatabase.class)
public @interface DemoData {

	/** True unless {@code GRIDLINK_DB_URL} is set. */
	final class NoProductionDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return context.getEnvironment().getProperty("GRIDLINK_DB_URL") == null;
		}
	}
}
