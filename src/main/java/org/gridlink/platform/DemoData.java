package org.gridlink.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

/**
 * A component that exists only in demo mode, such as a loader of demo rows. Demo mode is on with the embedded H2
 * database unless {@code gridlink.demo.enabled=false} ({@code GRIDLINK_DEMO=false}). On any other database (however
 * its URL was given: {@code GRIDLINK_DB_URL}, {@code SPRING_DATASOURCE_URL}, {@code --spring.datasource.url}) GridLink
 * is in production mode, unless started with the explicit switch {@code gridlink.demo.on-real-database=true}
 * ({@code GRIDLINK_DEMO_ON_REAL_DATABASE=true}) for benchmarks and trials; every page then shows a banner.
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
			return environment.getProperty("gridlink.demo.enabled", Boolean.class, true) && !production(environment);
		}

		/** A real database without the explicit demo switch: no demo data, no demo users, no demo keys. */
		public static boolean production(Environment environment) {
			return realDatabase(environment) && !onRealDatabase(environment);
		}

		/** Demo mode on a real database (the explicit switch): pages say so. */
		public static boolean onRealDatabase(Environment environment) {
			return realDatabase(environment)
					&& environment.getProperty("gridlink.demo.on-real-database", Boolean.class, false);
		}

		/** Anything but the embedded H2 (in memory or a file; not an H2 server reached over the network). */
		public static boolean realDatabase(Environment environment) {
			if (environment.getProperty("GRIDLINK_DB_URL") != null) {
				return true;
			}
			String url = environment.getProperty("spring.datasource.url", "").trim().toLowerCase(Locale.ROOT);
			if (url.isEmpty()) {
				return false;
			}
			return !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
		}

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isOn(context.getEnvironment());
		}
	}
}
