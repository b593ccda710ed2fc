package org.gridlink;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * GridLink 网格联动: one modular monolith per district. Each top-level package below
 * {@code org.gridlink} is an application module; {@code shared} holds value types only.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class GridlinkApplication {

	public static void main(String[] args) {
		if (args.length > 0 && org.gridlink.passes.token.VerifyPassCommand.NAME.equals(args[0])) {
			// the offline pass verifier: no Spring context, no database (docs/passes.md)
			System.exit(org.gridlink.passes.token.VerifyPassCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(GridlinkApplication.class, args);
	}
}
