package org.ceprint;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the feature modules honest: no cycles, and no module reaching into another's
 * internals.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CeprintApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * One diagram of all modules naming each, and one diagram per module; written into an
	 * empty folder, so that no earlier build's files count.
	 */
	@Test
	void writesModuleDocumentation(@TempDir Path folder) throws Exception {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();

		assertThat(this.modules.stream()).as("the modules of DESIGN.md and more")
			.extracting((module) -> module.getIdentifier().toString())
			.contains("registry", "hours", "intake", "rendering", "submission", "printing", "authenticity", "reissue",
					"web");
		String components = Files.readString(folder.resolve("components.puml"));
		for (ApplicationModule module : this.modules) {
			assertThat(components).as("components.puml").contains("\"" + module.getDisplayName() + "\"");
			Path diagram = folder.resolve("module-" + module.getIdentifier() + ".puml");
			assertThat(diagram).exists();
			assertThat(Files.readString(diagram)).contains("title <size:24>" + module.getDisplayName() + "</size>");
		}
	}

}
