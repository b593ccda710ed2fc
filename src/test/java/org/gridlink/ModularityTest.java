package org.gridlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import org.gridlink.cases.CaseCategories;
import org.gridlink.cases.CaseEvents;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CasePhotos;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Fails the build on a module boundary violation and writes the module documentation to target/. Each module
 * declares its API as the named interface {@code api} (type-level {@code @NamedInterface("api")}) and other modules
 * may depend on that interface only, so a call into another module's internals is a violation.
 */
class ModularityTest {

	private static final List<String> MODULES = List.of("cases", "quarantine", "residents", "screening", "passes",
			"jurisdiction", "platform");

	private final ApplicationModules modules = ApplicationModules.of(GridlinkApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		assertThat(modules.detectViolations().getMessages()).isEmpty();
		modules.verify();
	}

	@Test
	void everyModuleDeclaresItsApiAndDependsOnlyOnOthersApis() {
		for (String name : MODULES) {
			ApplicationModule module = module(name);
			assertThat(module.getNamedInterfaces().getByName("api")).as(name + " :: api").isPresent();
			module.getAllowedDependencies(modules).forEach(dependency -> {
				if (!dependency.getTargetModule().getIdentifier().toString().equals("shared")) {
					NamedInterface target = dependency.getTargetNamedInterface();
					assertThat(target).as(name + " -> " + dependency).isNotNull();
					assertThat(target.getName()).as(name + " -> " + dependency).isEqualTo("api");
				}
			});
		}
	}

	@Test
	void anotherModuleMayUseTheCaseFacadeButNotTheCaseInternals() {
		ApplicationModule quarantine = module("quarantine");
		assertThat(allows(quarantine, CaseManagement.class)).isTrue();
		assertThat(allows(quarantine, CaseEvents.CaseClosed.class)).isTrue();
		// public for the module's own controllers, yet outside its API: a use from quarantine would be a violation
		assertThat(allows(quarantine, CaseCategories.class)).isFalse();
		assertThat(allows(quarantine, CasePhotos.class)).isFalse();
		assertThat(module("cases").getNamedInterfaces().getByName("api").orElseThrow().asJavaClasses()
				.map(JavaClass::getSimpleName)).contains("CaseManagement", "CaseView", "NewCase")
				.doesNotContain("CaseSteps", "CaseFile", "CaseAccess", "CaseLoop", "CaseCategories");
	}

	@Test
	void aModuleCallingAnotherModulesInternalsFailsVerification() {
		// the main classes plus one deliberately wrong test class (quarantine using the cases-internal CaseCategories)
		ApplicationModules withWrongUse = ApplicationModules.of(GridlinkApplication.class,
				location -> !location.contains("/test-classes/") || location.contains("ReachesIntoCases"));
		assertThat(withWrongUse.detectViolations().getMessages())
				.anyMatch(message -> message.contains("ReachesIntoCases") && message.contains("CaseCategories"));
		assertThatExceptionOfType(Violations.class).isThrownBy(withWrongUse::verify);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

	private ApplicationModule module(String name) {
		return modules.getModuleByName(name).orElseThrow();
	}

	private boolean allows(ApplicationModule source, Class<?> type) {
		return source.getAllowedDependencies(modules).stream()
				.anyMatch(d -> d.getTargetNamedInterface() != null && d.getTargetNamedInterface().contains(type));
	}
}
