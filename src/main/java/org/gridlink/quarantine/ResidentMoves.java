package org.gridlink.quarantine;

import org.gridlink.residents.ResidentMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A resident moved in the registry: the grid responsible for them in contact tracing moves too. */
@Component
class ResidentMoves {

	private final Contacts contacts;

	ResidentMoves(Contacts contacts) {
		this.contacts = contacts;
	}

	@ApplicationModuleListener
	void on(ResidentMoved moved) {
		contacts.residentMoved(moved.residentId(), moved.toGrid());
	}
}
