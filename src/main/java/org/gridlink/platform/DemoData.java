package org.gridlink.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * A component that exists only in demo mode, such as a loader of demo rows: demo mode is on unless
 * {@code gridlink.demo.enabled=false} ({@code GRIDLINK_DEMO=false}) or {@code GRIDLINK_DB_URL} is set (a real
 * district's database), so production never creates these beans.
 */
@org.springframework.modulith.NamedInterface("api")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Conditional(DemoData.DemoMode.class)
public @interface DemoData {

	@AliasFor(annotation = Component.class)
	String value() default "";

	/** The one rule that decides demo mode. */
	final class DemoMode implements Condition {

		public static boolean isOn(Environment environment) {
			return environment.getProperty("gridlink.demo.enabled", Boolean.class, true)
					&& environment.getProperty("GRIDLINK_DB_URL") == null;
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isOn(context.getEnvironment());
		}
	}
}
