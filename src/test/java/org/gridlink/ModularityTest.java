package org.gridlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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

	/**
	 * The application reads its modules (for the per-module Flyway, in dependency order) from this file instead of
	 * scanning every class at start-up, which took seconds. A changed module structure rewrites the file here and
	 * fails once, so the new file is committed with the change.
	 */
	@Test
	void precomputedModuleMetadataIsCurrent() throws IOException {
		Path file = Path.of("src/main/resources", ApplicationModulesExporter.DEFAULT_LOCATION);
		JsonMapper json = JsonMapper.builder().build();
		JsonNode current = json.readTree(new ApplicationModulesExporter(modules).toJson());
		JsonNode stored = Files.exists(file) ? json.readTree(file.toFile()) : json.createObjectNode();
		boolean same = List.copyOf(stored.propertyNames()).equals(List.copyOf(current.propertyNames()))
				&& sorted(stored).equals(sorted(current));
		if (!same) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, current.toPrettyString() + "\n", StandardCharsets.UTF_8);
		}
		assertThat(same).as("%s was out of date and has been rewritten: commit it", file).isTrue();
	}

	/** The same tree with every array in a fixed order (the exporter lists dependencies in no fixed order). */
	private static String sorted(JsonNode node) {
		if (node.isArray()) {
			return node.valueStream().map(ModularityTest::sorted).sorted().toList().toString();
		}
		if (node.isObject()) {
			return node.properties().stream().map(e -> e.getKey() + "=" + sorted(e.getValue())).sorted().toList()
					.toString();
		}
		return node.toString();
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
