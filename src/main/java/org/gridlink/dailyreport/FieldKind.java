package org.gridlink.dailyreport;

/** What a report field holds. */
@org.springframework.modulith.NamedInterface("api")
public enum FieldKind {
	INTEGER, DECIMAL, TEXT, CHOICE
}
