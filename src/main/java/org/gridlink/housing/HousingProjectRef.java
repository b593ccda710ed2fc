package org.gridlink.housing;

import java.time.LocalDate;

/** A project as its parts see it: where it is, its budget (fen) and the hand-over date the schedule runs back from. */
public record HousingProjectRef(long id, String name, String townshipCode, long budgetFen, LocalDate handOverOn) {
}
